package io.tribu.analytics;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.tribu.platform.testing.TestTokens;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.tribu.platform.testing.BadInputProbe;
import org.junit.jupiter.api.Test;

import java.util.UUID;

/**
 * Every operation of the service's own OpenAPI document gets the platform's catalogue of bad input:
 * no 5xx, every refusal problem+json naming the field, no bad input accepted.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class BadInputTest {

    @Test
    void everyOperationRefusesBadInputWithAProblemNamingTheField() {
        String brand = "probe-" + UUID.randomUUID().toString().substring(0, 8);
        RestAssuredConfig before = RestAssured.config;
        // A body over the server's limit is refused (413) as soon as its headers arrive; a client that sends it whole
        // anyway meets a closed connection. Clients that upload much ask first (Expect: 100-continue), and so does this
        // one, so the 413 itself is read and checked.
        RestAssured.config = RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam("http.protocol.expect-continue", true));
        try {
            BadInputProbe.withToken(TestTokens.token("soleil", "admin", brand))
                    .pathValue("brandId", brand)
                    .progress(System.out::println)
                    .assertHolds();
        } finally {
            RestAssured.config = before;
        }
    }
}
