package io.tribu.listening.source.mastodon;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.tribu.listening.config.ListeningConfig;
import io.tribu.platform.testing.TestTokens;
import jakarta.inject.Inject;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The figures of reconciliation at its default bound: 1,000 recent statuses, 100 edited and 50 deleted while the
 * stream was down. Prints how many of those 150 are applied once the stream is back, and the requests it cost, for an
 * instance serving many statuses per request (4.3+) and for an older one. Run with
 * {@code -Dtribu.sources.mastodon.reconcile.enabled=false} for the figure without reconciliation (it then fails).
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class MastodonReconciliationReport {

    static final String BRAND = "reconcile-report";
    static final int STATUSES = 1000;
    static final int EDITED = 100;
    static final int DELETED = 50;

    @Inject
    Clock clock;

    @Inject
    ListeningConfig config;

    @Test
    void editsAndDeletionsMadeWhileDownAreAppliedAndWhatItCosts() throws Exception {
        Result recent = run(113950000000000000L, "rapport", false);
        Result old = run(113960000000000000L, "rapportancien", true);
        System.out.printf("reconciliation, Mastodon 4.3+: %d of %d edits and deletions made while down applied,"
                + " %d requests for %d recent statuses%n", recent.applied, EDITED + DELETED, recent.requests, STATUSES);
        System.out.printf("reconciliation, Mastodon before 4.3: %d of %d applied, %d requests for %d recent statuses%n",
                old.applied, EDITED + DELETED, old.requests, STATUSES);
        assertEquals(EDITED + DELETED, recent.applied);
        assertEquals(EDITED + DELETED, old.applied);
        assertEquals(STATUSES / 20 + DELETED, recent.requests);
        assertEquals(STATUSES, old.requests, "one per status (the refused route was learned at the first connection)");
    }

    record Result(int applied, int requests) {
    }

    private Result run(long base, String tag, boolean olderThan43) throws Exception {
        String prefix = Long.toString(base).substring(0, 5);
        try (FakeMastodon instance = new FakeMastodon()) {
            if (olderThan43) {
                instance.withoutManyStatuses();
                // counted without waiting: at Mastodon's 300 per 5 min (60 kept for polling) 1,000 take 4 windows
                instance.rateLimit(5000, Duration.ofMinutes(5));
            }
            String source = given().auth().oauth2(cm()).contentType(ContentType.JSON)
                    .body(Map.of("type", "mastodon", "url", instance.url().toString(), "hashtag", tag,
                            "pollIntervalSeconds", 86400))
                    .when().post("/brands/" + BRAND + "/sources")
                    .then().statusCode(201).extract().path("id");
            await().atMost(Duration.ofSeconds(20)).until(() -> instance.connectedStreams() == 1);
            Instant now = clock.instant();
            for (int i = 1; i <= STATUSES; i++) {
                instance.post(Long.toString(base + i), tag, "<p>Sortie " + i + " en Vélo Vert, carnet " + (base + i)
                        + "</p>", now.minus(Duration.ofSeconds(STATUSES - i + 1)));
            }
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2))
                    .until(() -> stored(prefix) == STATUSES);
            instance.streamingDown(true);
            await().atMost(Duration.ofSeconds(10)).until(() -> instance.connectedStreams() == 0);
            for (int i = 1; i <= EDITED; i++) {
                instance.edit(Long.toString(base + i * 10), "<p>Sortie " + i * 10 + " annulée pour cause de pluie</p>");
            }
            for (int i = 1; i <= DELETED; i++) {
                instance.delete(Long.toString(base + i * 10 - 5), tag);
            }
            int requestsBefore = instance.statusRequests();
            instance.streamingDown(false);
            try {
                await().atMost(config.sources().mastodon().reconcile().enabled() ? Duration.ofMinutes(3) : Duration.ofSeconds(30))
                        .pollInterval(Duration.ofSeconds(2)).until(() -> applied(prefix) == EDITED + DELETED);
            } catch (ConditionTimeoutException notAll) {
                // counted below: without reconciliation nothing made while down is applied
            }
            await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(4)).until(() -> true);
            Result result = new Result(applied(prefix), instance.statusRequests() - requestsBefore);
            given().auth().oauth2(cm()).when().delete("/brands/" + BRAND + "/sources/" + source).then().statusCode(204);
            return result;
        }
    }

    /** Mentions of the source still standing (withdrawn ones leave the list). */
    private static int stored(String prefix) {
        int count = 0;
        String cursor = null;
        do {
            var request = given().auth().oauth2(cm()).queryParam("limit", 200);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.when().get("/brands/" + BRAND + "/mentions/search")
                    .then().statusCode(200).extract().jsonPath();
            count += page.getList("items").stream().filter(item -> String.valueOf(
                    ((Map<?, ?>) ((Map<?, ?>) item).get("mention")).get("externalId")).startsWith(prefix)).count();
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return count;
    }

    /** Edits applied (the new words are found) plus deletions applied (the mentions left the source's list). */
    private static int applied(String prefix) {
        int edited = 0;
        String cursor = null;
        do {
            var request = given().auth().oauth2(cm()).queryParam("q", "\"annulée pour cause de pluie\"").queryParam("limit", 200);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.when().get("/brands/" + BRAND + "/mentions/search")
                    .then().statusCode(200).extract().jsonPath();
            edited += (int) page.getList("items").stream().filter(item -> String.valueOf(
                    ((Map<?, ?>) ((Map<?, ?>) item).get("mention")).get("externalId")).startsWith(prefix)).count();
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return edited + (STATUSES - stored(prefix));
    }

    /** A fresh token per request: the report outlives one (5 min). */
    private static String cm() {
        return TestTokens.token("soleil", "community-manager", BRAND);
    }
}
