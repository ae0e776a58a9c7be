package io.tribu.publishing.agency;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.tribu.publishing.access.TestTokens;
import io.tribu.publishing.post.Drafts;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** Issue 21 part 4: per brand of the caller, posts awaiting approval and deliveries failed in the last 24 hours. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class PostsSummaryTest {

    @Inject
    Clock clock;

    @Test
    void countsPerBrandOfTheCallerOnly() throws Exception {
        String busy = Drafts.freshBrand();
        String quiet = Drafts.freshBrand();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant oldest = now.minus(Duration.ofDays(3));
        Instant lastFailure = now.minus(Duration.ofHours(2));
        try (OverviewRows rows = new OverviewRows()) {
            rows.post("soleil", busy, "in-review", oldest);
            rows.post("soleil", busy, "in-review", now.minus(Duration.ofHours(1)));
            rows.post("soleil", busy, "draft", now.minus(Duration.ofDays(9)));
            rows.post("soleil", quiet, "approved", now);
            // Another agency's brand of the same id: never counted.
            rows.post("lune", busy, "in-review", now.minus(Duration.ofDays(30)));
            UUID post = rows.post("soleil", busy, "publishing", now.minus(Duration.ofDays(2)));
            UUID channel = rows.channel("soleil", busy, now.minus(Duration.ofDays(2)));
            UUID other = rows.channel("soleil", busy, now.minus(Duration.ofDays(2)));
            UUID third = rows.channel("soleil", busy, now.minus(Duration.ofDays(2)));
            UUID fourth = rows.channel("soleil", busy, now.minus(Duration.ofDays(2)));
            rows.delivery("soleil", busy, post, channel, "failed", lastFailure);
            rows.delivery("soleil", busy, post, other, "failed", now.minus(Duration.ofHours(20)));
            rows.delivery("soleil", busy, post, third, "failed", now.minus(Duration.ofHours(25)));
            rows.delivery("soleil", busy, post, fourth, "published", now.minus(Duration.ofHours(1)));
            rows.flush();
        }

        String[] sorted = busy.compareTo(quiet) < 0 ? new String[]{busy, quiet} : new String[]{quiet, busy};
        int b = sorted[0].equals(busy) ? 0 : 1;
        int q = 1 - b;
        given().auth().oauth2(TestTokens.token("soleil", "client-approver", busy, quiet))
                .when().get("/agency/posts-summary")
                .then().statusCode(200)
                .body("brands.brandId", contains(sorted[0], sorted[1]))
                .body("brands[" + b + "].awaitingApproval", equalTo(2))
                .body("brands[" + b + "].oldestAwaitingSince", equalTo(oldest.toString()))
                .body("brands[" + b + "].failedDeliveries", equalTo(2))
                .body("brands[" + b + "].lastFailedAt", equalTo(lastFailure.toString()))
                .body("brands[" + q + "].awaitingApproval", equalTo(0))
                .body("brands[" + q + "].oldestAwaitingSince", nullValue())
                .body("brands[" + q + "].failedDeliveries", equalTo(0));

        // The other agency's caller with the same brand id sees its own row only.
        given().auth().oauth2(TestTokens.token("lune", "admin", busy)).when().get("/agency/posts-summary")
                .then().statusCode(200).body("brands[0].awaitingApproval", equalTo(1)).body("brands[0].failedDeliveries", equalTo(0));
        given().when().get("/agency/posts-summary").then().statusCode(401);
    }
}
