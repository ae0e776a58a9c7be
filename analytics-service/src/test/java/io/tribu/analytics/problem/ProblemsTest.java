package io.tribu.analytics.problem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.tribu.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

/** What a client gets when the request is not one the API can answer, or the code fails: always a problem. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class ProblemsTest {

    @Test
    void aBugAnswers500ProblemWithoutItsInsides() {
        given().when().get("/test-only/failing")
                .then().statusCode(500)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(500)).body("title", equalTo("Internal Server Error"))
                .body(not(containsString("IllegalStateException"))).body(not(containsString("io.tribu")));
    }

    @Test
    void aMediaTypeTheApiDoesNotSpeakAnswers406Problem() {
        given().auth().oauth2(TestTokens.token("soleil", "analyst", "cafe-lumiere")).accept("application/xml")
                .when().get("/brands/cafe-lumiere/authors")
                .then().statusCode(406)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(406));
    }

    @Test
    void anUnknownPathAnswers404Problem() {
        given().auth().oauth2(TestTokens.token("soleil", "analyst", "cafe-lumiere"))
                .when().get("/brands/cafe-lumiere/nothing-here")
                .then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
    }
}
