package io.tribu.listening;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.tribu.platform.testing.ProxiedDatabase;
import io.tribu.platform.testing.TestTokens;
import io.tribu.platform.testing.TcpProxy;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * Issue 18, what a replica answers while a dependency is away. The service runs against an unreachable Kafka
 * (a port nothing listens on) and reaches PostgreSQL through a proxy the test cuts.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(value = ProxiedDatabase.class, restrictToAnnotatedClass = true, initArgs = {
        @ResourceArg(name = "database", value = "listening_test"), @ResourceArg(name = "kafka", value = "unreachable")})
class OutageTest {

    static final String CM = TestTokens.token("soleil", "community-manager", "outage-brand");

    @ProxiedDatabase.Proxy
    TcpProxy database;

    @Test
    void withKafkaDownTheReplicaIsReadyAndWritesGoToTheOutbox_withTheDatabaseDownItAnswers503AndIsNotReady() throws Exception {
        // Kafka is down: every write goes through the outbox, so the replica stays ready and takes writes.
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().auth().oauth2(CM).contentType(ContentType.JSON)
                .body(Map.of("source", "rss", "text", "Écrit pendant que Kafka dort", "publishedAt", "2026-11-20T10:00:00Z"))
                .when().post("/brands/outage-brand/mentions")
                .then().statusCode(201);

        database.stop();
        try {
            given().auth().oauth2(CM).when().get("/brands/outage-brand/mentions")
                    .then().statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", "5")
                    .body("type", equalTo("https://tribu.io/problems/unavailable"));
            given().auth().oauth2(CM).contentType(ContentType.JSON)
                    .body(Map.of("source", "rss", "text", "Écrit pendant que PostgreSQL dort", "publishedAt", "2026-11-20T10:00:00Z"))
                    .when().post("/brands/outage-brand/mentions")
                    .then().statusCode(503).contentType("application/problem+json").header("Retry-After", "5");
            given().when().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
            given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        } finally {
            database.start();
        }
        given().auth().oauth2(CM).when().get("/brands/outage-brand/mentions")
                .then().statusCode(200).body("size()", equalTo(1));
    }
}
