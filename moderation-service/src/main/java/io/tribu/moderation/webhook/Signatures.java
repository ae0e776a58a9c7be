package io.tribu.moderation.webhook;

import io.tribu.platform.signature.TribuSignature;

/**
 * Checks that a delivery comes from Meta; answers why it is refused, or null when it is authentic. Tribu's own
 * signature (generic channels) is the platform's {@link TribuSignature}.
 */
final class Signatures {

    private Signatures() {
    }

    /** Meta: {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256(app secret, raw body)>}. */
    static String metaRefusal(String appSecret, String header, byte[] body) {
        if (header == null) {
            return "the X-Hub-Signature-256 header is required";
        }
        String expected = "sha256=" + TribuSignature.hmacSha256Hex(appSecret, body);
        return TribuSignature.sameInConstantTime(expected, header.trim()) ? null : "the signature does not match";
    }
}
