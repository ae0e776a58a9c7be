package io.tribu.publishing.agency;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.tribu.publishing.access.TestTokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/**
 * The agency overview's publishing call for BRANDS brands (50), each with POSTS posts (1,000; one in 20 in review)
 * and one channel with DELIVERIES deliveries (200; one in 10 failed within 24 h, one in 10 failed before): prints
 * the round trip of {@code GET /agency/posts-summary} on this machine (an upper bound of the server time) over 200
 * calls after 20 warm-up calls. Not asserted. Run:
 * {@code mvn -B -ntp -pl publishing-service -am verify -Dtest=PostsSummaryBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class PostsSummaryBenchmark {

    private static final int BRANDS = Integer.getInteger("brands", 50);
    private static final int POSTS = Integer.getInteger("posts", 1000);
    private static final int DELIVERIES = Integer.getInteger("deliveries", 200);

    @Inject
    Clock clock;

    @Test
    void fiftyBrands() throws Exception {
        String tenant = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        Instant now = clock.instant();
        String[] brands = new String[BRANDS];
        try (OverviewRows rows = new OverviewRows()) {
            for (int b = 0; b < BRANDS; b++) {
                brands[b] = "brand-" + b;
                UUID channel = rows.channel(tenant, brands[b], now.minus(Duration.ofDays(90)));
                List<UUID> posts = new ArrayList<>();
                for (int p = 0; p < POSTS; p++) {
                    posts.add(rows.post(tenant, brands[b], p % 20 == 0 ? "in-review" : "published",
                            now.minus(Duration.ofMinutes(131L * p))));
                }
                rows.flush();
                for (int d = 0; d < DELIVERIES; d++) {
                    String state = d % 10 == 0 || d % 10 == 1 ? "failed" : "published";
                    Duration ago = d % 10 == 0 ? Duration.ofMinutes(7L * d) : Duration.ofHours(25 + d);
                    rows.delivery(tenant, brands[b], posts.get(d), channel, state, now.minus(ago));
                }
                rows.flush();
            }
        }
        String token = TestTokens.token(tenant, "admin", brands);
        for (int i = 0; i < 20; i++) {
            call(token);
        }
        long[] nanos = new long[200];
        for (int i = 0; i < nanos.length; i++) {
            long start = System.nanoTime();
            call(token);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf("posts-summary, %d brands x %d posts, %d deliveries each: p50 %.1f ms, p95 %.1f ms, max %.1f ms; "
                        + "load average %s%n", BRANDS, POSTS, DELIVERIES, nanos[100] / 1e6, nanos[189] / 1e6, nanos[199] / 1e6,
                new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("/proc/loadavg"))).trim());
    }

    private static void call(String token) {
        given().auth().oauth2(token).when().get("/agency/posts-summary").then().statusCode(200);
    }
}
