package io.tribu.moderation.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/** Checks who sent a delivery; each method answers why it is refused, or null when it is authentic. */
final class Signatures {

    private Signatures() {
    }

    /** Meta: {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256(app secret, raw body)>}. */
    static String metaRefusal(String appSecret, String header, byte[] body) {
        if (header == null) {
            return "the X-Hub-Signature-256 header is required";
        }
        return same("sha256=" + hmac(appSecret, body), header.trim()) ? null : "the signature does not match";
    }

    /**
     * Tribu's generic webhook: {@code X-Tribu-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." + body)>}
     * with {@code X-Tribu-Timestamp} (Unix seconds) inside the replay window.
     */
    static String tribuRefusal(String secret, String timestampHeader, String signatureHeader, byte[] body,
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
        byte[] prefix = (timestamp + ".").getBytes(StandardCharsets.UTF_8);
        byte[] signed = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, signed, 0, prefix.length);
        System.arraycopy(body, 0, signed, prefix.length, body.length);
        return same("sha256=" + hmac(secret, signed), signatureHeader.trim()) ? null : "the signature does not match";
    }

    static String hmac(String secret, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static boolean same(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
