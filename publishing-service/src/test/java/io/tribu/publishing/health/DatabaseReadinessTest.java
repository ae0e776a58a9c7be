package io.tribu.publishing.health;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import io.tribu.platform.testing.ProxiedDatabase;
import io.tribu.platform.testing.TcpProxy;
import io.tribu.publishing.time.MovableClock;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Issue 18: while PostgreSQL is away the replica says "not ready" before a probe's one-second timeout (it took a
 * second with Quarkus' JDBC check, whose pool waits for a new connection), stays live, and is ready again once the
 * database is back. PostgreSQL is reached through a proxy the test cuts: the one of {@link MovableClock.Profile}'s
 * service, shared rather than a restart of its own.
 */
@QuarkusTest
@TestProfile(MovableClock.Profile.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class DatabaseReadinessTest {

    @ProxiedDatabase.Proxy
    TcpProxy database;

    @Test
    void withoutTheDatabaseTheReplicaIsNotReadyWithinASecondAndStaysLive() throws Exception {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem("database"));

        database.stop();
        try {
            for (int i = 0; i < 5; i++) {
                long started = System.nanoTime();
                Response ready = given().when().get("/q/health/ready");
                long millis = (System.nanoTime() - started) / 1_000_000;
                assertEquals(503, ready.statusCode());
                assertEquals("DOWN", ready.jsonPath().getString("checks.find { it.name == 'database' }.status"));
                assertTrue(millis < 1000, "readiness answered in " + millis + " ms");
                given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
            }
        } finally {
            database.start();
        }
        for (int i = 0; i < 50; i++) {
            if (given().when().get("/q/health/ready").statusCode() == 200) {
                return;
            }
            Thread.sleep(100);
        }
        given().when().get("/q/health/ready").then().statusCode(200);
    }
}
