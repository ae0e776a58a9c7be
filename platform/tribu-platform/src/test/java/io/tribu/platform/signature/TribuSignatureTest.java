package io.tribu.platform.signature;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TribuSignatureTest {

    static final String SECRET = "whsec_test";
    static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    static final Duration WINDOW = Duration.ofMinutes(5);
    static final String BODY = "{\"id\":\"r1\",\"text\":\"Très bon accueil\"}";
    static final byte[] BYTES = BODY.getBytes(StandardCharsets.UTF_8);

    @Test
    void knownVector() {
        // Computed independently: printf '1795435200.{"id":"r1"}' | openssl dgst -sha256 -hmac whsec_test
        assertEquals("sha256=97bf9f7ef732e6f6081b20f49414cdfaddf6d33253f39f639f7dc5486482fa2a",
                TribuSignature.sign(SECRET, 1795435200L, "{\"id\":\"r1\"}"));
    }

    @Test
    void aFreshCorrectSignatureIsAccepted() {
        long ts = NOW.getEpochSecond() - 60;
        assertNull(TribuSignature.refusal(SECRET, Long.toString(ts), TribuSignature.sign(SECRET, ts, BODY), BYTES, NOW, WINDOW));
    }

    @Test
    void aChangedBodyIsRefused() {
        long ts = NOW.getEpochSecond();
        String refusal = TribuSignature.refusal(SECRET, Long.toString(ts), TribuSignature.sign(SECRET, ts, BODY),
                BODY.replace("bon", "mauvais").getBytes(StandardCharsets.UTF_8), NOW, WINDOW);
        assertEquals("the signature does not match", refusal);
    }

    @Test
    void anOldDeliveryReplayedWithAFreshTimestampIsRefused() {
        long old = NOW.getEpochSecond() - 3600;
        String oldSignature = TribuSignature.sign(SECRET, old, BODY);
        assertTrue(TribuSignature.refusal(SECRET, Long.toString(old), oldSignature, BYTES, NOW, WINDOW)
                .contains("replay window"));
        assertEquals("the signature does not match", TribuSignature.refusal(SECRET,
                Long.toString(NOW.getEpochSecond()), oldSignature, BYTES, NOW, WINDOW));
    }

    @Test
    void missingOrMalformedHeadersAreRefused() {
        assertTrue(TribuSignature.refusal(SECRET, null, "sha256=00", BYTES, NOW, WINDOW).contains("required"));
        assertTrue(TribuSignature.refusal(SECRET, "yesterday", "sha256=00", BYTES, NOW, WINDOW).contains("Unix seconds"));
        assertEquals("the signature does not match", TribuSignature.refusal("another-secret",
                Long.toString(NOW.getEpochSecond()), TribuSignature.sign(SECRET, NOW.getEpochSecond(), BODY), BYTES, NOW, WINDOW));
    }

    @Test
    void theRawBytesAreSignedNotTheirDecodedText() {
        long ts = NOW.getEpochSecond();
        byte[] latin1 = "{\"text\":\"Très\"}".getBytes(StandardCharsets.ISO_8859_1); // not valid UTF-8
        String signature = TribuSignature.sign(SECRET, ts, latin1);
        assertNull(TribuSignature.refusal(SECRET, Long.toString(ts), signature, latin1, NOW, WINDOW));
        // decoded as UTF-8 the é becomes U+FFFD: a receiver that verified the text would refuse a correct delivery
        byte[] decoded = new String(latin1, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
        assertEquals("the signature does not match",
                TribuSignature.refusal(SECRET, Long.toString(ts), signature, decoded, NOW, WINDOW));
    }
}
