package io.tribu.platform.signature;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Tribu's webhook signature, for the deliveries the services receive (listening's webhook sources, moderation's
 * generic channels) and the ones they send (listening's alert webhooks):
 * {@code X-Tribu-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." + raw body)>} with
 * {@code X-Tribu-Timestamp} in Unix seconds inside a replay window. Signing the timestamp with the body stops an old
 * delivery from being replayed with a fresh timestamp.
 */
public final class TribuSignature {

    private TribuSignature() {
    }

    /** The {@code X-Tribu-Signature} value of a delivery. */
    public static String sign(String secret, long timestamp, byte[] body) {
        byte[] prefix = (timestamp + ".").getBytes(StandardCharsets.UTF_8);
        byte[] signed = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, signed, 0, prefix.length);
        System.arraycopy(body, 0, signed, prefix.length, body.length);
        return "sha256=" + hmacSha256Hex(secret, signed);
    }

    /** The same for a text body, signed as its UTF-8 bytes. */
    public static String sign(String secret, long timestamp, String body) {
        return sign(secret, timestamp, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Why the delivery is refused, or null when it is authentic and its timestamp within {@code window} of now. */
    public static String refusal(String secret, String timestampHeader, String signatureHeader, byte[] body,
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
        return sameInConstantTime(sign(secret, timestamp, body), signatureHeader.trim())
                ? null : "the signature does not match";
    }

    /** Lower-case hex HMAC-SHA256 of {@code data} keyed by the UTF-8 bytes of {@code secret}. */
    public static String hmacSha256Hex(String secret, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** Compares two signatures without telling, by its time, how much of them agrees. */
    public static boolean sameInConstantTime(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
