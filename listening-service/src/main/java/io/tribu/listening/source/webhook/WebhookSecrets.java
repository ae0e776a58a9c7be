package io.tribu.listening.source.webhook;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Signing secrets for webhook sources: 256 random bits. */
public final class WebhookSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSecrets() {
    }

    public static String generate() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return "whsec_" + HexFormat.of().formatHex(secret);
    }
}
