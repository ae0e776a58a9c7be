package io.tribu.moderation.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.tribu.platform.testing.TestTokens;
import io.tribu.platform.testing.BadInputProbe;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** Every operation of the service's OpenAPI document, given the platform's catalogue of bad input. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class BadInputTest {

    @Test
    void noOperationAnswersBadInputWithA5xxOrAnUnnamedProblem() {
        String brand = "brand-" + UUID.randomUUID().toString().substring(0, 8);
        BadInputProbe.withToken(TestTokens.token("soleil", "admin", brand))
                .pathValue("brandId", brand)
                .progress(System.out::println)
                .assertHolds();
    }

    @Test
    void aRequestTheFrameworkRefusesIsAProblemWithItsStatusNotAnEmpty204() {
        String brand = "brand-" + UUID.randomUUID().toString().substring(0, 8);
        String admin = TestTokens.token("soleil", "admin", brand);
        given().auth().oauth2(admin).contentType("text/plain").body("timezone: UTC").when().put("/brands/" + brand + "/charter")
                .then().statusCode(415).contentType("application/problem+json").body("status", equalTo(415));
        given().auth().oauth2(admin).when().delete("/brands/" + brand + "/inbox")
                .then().statusCode(405).contentType("application/problem+json").body("status", equalTo(405));
        given().auth().oauth2(admin).accept("text/html").when().get("/brands/" + brand + "/inbox")
                .then().statusCode(406).contentType("application/problem+json").body("status", equalTo(406));
    }

    @Test
    void aBodyOverTheLimitIsA413ProblemTheClientReceives() {
        String brand = "brand-" + UUID.randomUUID().toString().substring(0, 8);
        byte[] elevenMegabytes = new byte[11 << 20];
        java.util.Arrays.fill(elevenMegabytes, (byte) ' ');
        given().auth().oauth2(TestTokens.token("soleil", "admin", brand)).contentType("application/json").body(elevenMegabytes)
                .when().put("/brands/" + brand + "/sla")
                .then().statusCode(413).contentType("application/problem+json").body("status", equalTo(413));
    }
}
