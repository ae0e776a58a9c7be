package io.tribu.publishing.delivery;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.tribu.publishing.network.fake.FakeX;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** X has no idempotency key: a retried delivery looks for the post first, so a write answered with 5xx is not made twice. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class NoKeyNetworkDeliveryTest {

    static final FakeX X = FakeX.forTheService();

    @Inject
    Clock clock;

    @AfterAll
    static void stop() {
        X.close();
    }

    @Test
    void aWriteThatWentThroughBeforeA503IsFoundOnTheRetryNotPostedAgain() throws Exception {
        DeliveryTest.Brand brand = DeliveryTest.Brand.fresh(clock);
        brand.connect(Map.of("network", "x", "handle", "@cafelumiere",
                "credentials", Map.of("accessToken", FakeX.TOKEN)));
        String text = "Chocolat chaud offert ce soir " + UUID.randomUUID();
        // X wrote the tweet, then its front answered 503: the tweet exists, the worker saw a failure.
        String written = X.ownTweet(text);
        X.script("/2/tweets", 503, Map.of("Retry-After", "1"), "{\"title\":\"Service Unavailable\",\"status\":503}");
        long postsBefore = X.postRequests();
        String post = brand.scheduled(Duration.ofSeconds(6), Map.of("x", text));
        await().atMost(Duration.ofSeconds(60)).until(() -> brand.status(post).equals("published"));

        try (Connection db = DeliveryTest.database(); PreparedStatement query = db.prepareStatement(
                "select external_id, attempts from delivery where post_id = ?")) {
            query.setObject(1, UUID.fromString(post));
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                assertEquals(written, rows.getString(1), "the retry found the tweet already written");
                assertEquals(2, rows.getInt(2));
            }
        }
        assertEquals(postsBefore, X.postRequests(), "only the scripted 503 answered a POST; no second tweet was written");
    }
}
