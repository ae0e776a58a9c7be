package io.tribu.publishing.delivery;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.tribu.publishing.channel.TokenExpiryMetric;
import io.tribu.publishing.network.fake.FakeMastodon;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The figures operators' alerts read at /q/metrics (docs/operations.md): the oldest overdue delivery, the
 * outcomes by network, the soonest expiring token by network.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class DeliveryMetricsTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final FakeMastodon MASTODON = new FakeMastodon();

    @Inject
    DeliveryMetrics metrics;
    @Inject
    TokenExpiryMetric tokens;
    @Inject
    Clock clock;

    @AfterAll
    static void stop() {
        MASTODON.close();
    }

    @Test
    void aDeliveryDueTwentyMinutesAgoWithoutAnOutcomeIsOverdue() throws Exception {
        DeliveryTest.Brand brand = onMastodon();
        String post = brand.scheduled(Duration.ofHours(1), Map.of("mastodon", "En retard"));
        // Due 20 minutes ago, its next attempt an hour away: the network kept refusing it.
        Instant now = clock.instant();
        DeliveryTest.sql("update delivery set due_at = ?, next_attempt_at = ? where post_id = ?", post,
                now.minus(Duration.ofMinutes(20)), now.plus(Duration.ofHours(1)));
        metrics.refresh().await().atMost(WAIT);
        assertTrue(gauge("tribu_delivery_overdue_seconds") >= 1200, "overdue: " + gauge("tribu_delivery_overdue_seconds"));

        DeliveryTest.sql("update delivery set state = 'failed' where post_id = ?", post);
        metrics.refresh().await().atMost(WAIT);
        assertTrue(gauge("tribu_delivery_overdue_seconds") < 1200, "a failed delivery is not overdue");
    }

    @Test
    void aPublishedDeliveryIsCountedForItsNetwork() throws Exception {
        double before = published();
        DeliveryTest.Brand brand = onMastodon();
        String post = brand.scheduled(Duration.ofSeconds(3), Map.of("mastodon", "Compté"));
        await().atMost(Duration.ofSeconds(60)).until(() -> brand.status(post).equals("published"));
        await().atMost(WAIT).until(() -> published() >= before + 1);
    }

    @Test
    void aTokenExpiringInTwoDaysSetsItsNetworksHorizon() throws Exception {
        DeliveryTest.Brand brand = onMastodon();
        try (Connection db = DeliveryTest.database();
             PreparedStatement update = db.prepareStatement("update channel set token_expires_at = ? where brand_id = ?")) {
            update.setObject(1, clock.instant().plus(Duration.ofDays(2)).atOffset(ZoneOffset.UTC));
            update.setString(2, brand.id());
            assertEquals(1, update.executeUpdate());
        }
        tokens.refresh().await().atMost(WAIT);
        double horizon = gauge("tribu_channel_token_expiry_seconds{network=\"mastodon\"}");
        assertTrue(horizon <= Duration.ofDays(2).toSeconds(), "horizon: " + horizon);
    }

    /** A counter is absent until its first increment. */
    private static double published() {
        double count = gauge("tribu_delivery_outcomes_total{network=\"mastodon\",outcome=\"published\"}");
        return Double.isNaN(count) ? 0 : count;
    }

    private DeliveryTest.Brand onMastodon() {
        DeliveryTest.Brand brand = DeliveryTest.Brand.fresh(clock);
        brand.connect(Map.of("network", "mastodon", "handle", "@cafe@mastodon.example", "baseUrl", MASTODON.baseUrl(),
                "credentials", Map.of("accessToken", FakeMastodon.TOKEN)));
        return brand;
    }

    /** The value of one series in /q/metrics (NaN when absent); {@code series} is the name with its labels in order. */
    static double gauge(String series) {
        String text = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        String name = series.contains("{") ? series.substring(0, series.indexOf('{')) : series;
        String labels = series.contains("{") ? series.substring(series.indexOf('{') + 1, series.length() - 1) : "";
        for (String line : text.lines().filter(l -> l.startsWith(name + "{") || l.startsWith(name + " ")).toList()) {
            Matcher m = Pattern.compile("^\\S+?(\\{.*})?\\s+(\\S+)$").matcher(line);
            if (m.matches() && (labels.isEmpty() || m.group(1) != null && m.group(1).contains(labels))) {
                return Double.parseDouble(m.group(2));
            }
        }
        return Double.NaN;
    }
}
