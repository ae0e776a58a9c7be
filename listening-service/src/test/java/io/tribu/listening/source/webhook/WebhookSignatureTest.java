package io.tribu.listening.source.webhook;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookSignatureTest {

    static final String SECRET = "whsec_test";
    static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    static final Duration WINDOW = Duration.ofMinutes(5);
    static final String BODY = "{\"id\":\"r1\",\"text\":\"Très bon accueil\"}";

    @Test
    void knownVector() {
        // Computed independently: printf '1795435200.{"id":"r1"}' | openssl dgst -sha256 -hmac whsec_test
        assertEquals("sha256=97bf9f7ef732e6f6081b20f49414cdfaddf6d33253f39f639f7dc5486482fa2a",
                WebhookSignature.sign(SECRET, 1795435200L, "{\"id\":\"r1\"}"));
    }

    @Test
    void aFreshCorrectSignatureIsAccepted() {
        long ts = NOW.getEpochSecond() - 60;
        assertNull(WebhookSignature.refusal(SECRET, Long.toString(ts), WebhookSignature.sign(SECRET, ts, BODY), BODY, NOW, WINDOW));
    }

    @Test
    void aChangedBodyIsRefused() {
        long ts = NOW.getEpochSecond();
        String refusal = WebhookSignature.refusal(SECRET, Long.toString(ts), WebhookSignature.sign(SECRET, ts, BODY),
                BODY.replace("bon", "mauvais"), NOW, WINDOW);
        assertEquals("the signature does not match", refusal);
    }

    @Test
    void anOldDeliveryReplayedWithAFreshTimestampIsRefused() {
        long old = NOW.getEpochSecond() - 3600;
        String oldSignature = WebhookSignature.sign(SECRET, old, BODY);
        assertTrue(WebhookSignature.refusal(SECRET, Long.toString(old), oldSignature, BODY, NOW, WINDOW)
                .contains("replay window"));
        assertEquals("the signature does not match", WebhookSignature.refusal(SECRET,
                Long.toString(NOW.getEpochSecond()), oldSignature, BODY, NOW, WINDOW));
    }

    @Test
    void missingOrMalformedHeadersAreRefused() {
        assertTrue(WebhookSignature.refusal(SECRET, null, "sha256=00", BODY, NOW, WINDOW).contains("required"));
        assertTrue(WebhookSignature.refusal(SECRET, "yesterday", "sha256=00", BODY, NOW, WINDOW).contains("Unix seconds"));
        assertEquals("the signature does not match", WebhookSignature.refusal("another-secret",
                Long.toString(NOW.getEpochSecond()), WebhookSignature.sign(SECRET, NOW.getEpochSecond(), BODY), BODY, NOW, WINDOW));
    }
}
