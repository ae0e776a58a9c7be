package io.tribu.moderation.problem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

/**
 * A request that fails because the database cannot be reached answers 503 problem+json with Retry-After (the
 * platform's UnavailableProblems), not the 500 of the generic mapper; any other failure stays a 500 problem.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class UnexpectedFailureTest {

    @Test
    void aDatabaseOutageIsA503WithRetryAfter() {
        given().when().get("/test-only/failures/database-away")
                .then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("type", equalTo("https://tribu.io/problems/unavailable"));
    }

    @Test
    void aBugIsA500ProblemThatTellsNothingOfTheInside() {
        given().when().get("/test-only/failures/bug")
                .then().statusCode(500).contentType("application/problem+json")
                .body("status", equalTo(500))
                .body(not(containsString("a bug")));
    }
}
