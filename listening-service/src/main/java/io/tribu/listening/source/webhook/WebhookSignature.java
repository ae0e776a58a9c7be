package io.tribu.listening.source.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Verifies a delivery: {@code X-Tribu-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." + body)>}
 * with {@code X-Tribu-Timestamp} (Unix seconds) inside the replay window. Signing the timestamp
 * with the body stops an old delivery from being replayed with a fresh timestamp.
 */
public final class WebhookSignature {

    private WebhookSignature() {
    }

    public static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** Why the delivery is refused, or null when it is authentic and fresh. */
    public static String refusal(String secret, String timestampHeader, String signatureHeader, String body,
                                 Instant now, Duration window) {
        if (timestampHeader == null || signatureHeader == null) {
            return "X-Tribu-Timestamp and X-Tribu-Signature headers are required";
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampHeader.trim());
        } catch (NumberFormatException e) {
            return "X-Tribu-Timestamp must be Unix seconds";
        }
        if (Math.abs(now.getEpochSecond() - timestamp) > window.toSeconds()) {
            return "X-Tribu-Timestamp is outside the " + window.toSeconds() + " s replay window";
        }
        byte[] expected = sign(secret, timestamp, body).getBytes(StandardCharsets.UTF_8);
        byte[] given = signatureHeader.trim().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, given) ? null : "the signature does not match";
    }
}
