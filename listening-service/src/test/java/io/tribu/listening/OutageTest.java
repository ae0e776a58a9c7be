package io.tribu.listening;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.tribu.listening.access.TestTokens;
import io.tribu.platform.testing.TcpProxy;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.ServerSocket;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * Issue 18, what a replica answers while a dependency is away. The service runs against an unreachable Kafka
 * (a port nothing listens on) and reaches PostgreSQL through a proxy the test cuts.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(value = OutageTest.Outages.class, restrictToAnnotatedClass = true)
class OutageTest {

    static final String CM = TestTokens.token("soleil", "community-manager", "outage-brand");

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    @interface Database {
    }

    @Database
    TcpProxy database;

    /** Kafka unreachable, PostgreSQL behind a proxy. */
    public static class Outages implements QuarkusTestResourceLifecycleManager {
        private TcpProxy proxy;

        @Override
        public Map<String, String> start() {
            try (ServerSocket unused = new ServerSocket(0)) {
                String host = System.getenv().getOrDefault("TRIBU_DB_HOST", "localhost");
                proxy = new TcpProxy(host, Integer.parseInt(System.getenv().getOrDefault("TRIBU_DB_PORT", "55432")));
                return Map.of(
                        "quarkus.datasource.reactive.url", "postgresql://localhost:" + proxy.port() + "/listening_test",
                        "kafka.bootstrap.servers", "localhost:" + unused.getLocalPort());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void inject(TestInjector injector) {
            injector.injectIntoFields(proxy, new TestInjector.AnnotatedAndMatchesType(Database.class, TcpProxy.class));
        }

        @Override
        public void stop() {
            try {
                proxy.close();
            } catch (IOException ignored) {
                // the test ends
            }
        }
    }

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
