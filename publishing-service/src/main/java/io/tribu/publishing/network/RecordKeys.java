package io.tribu.publishing.network;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * AT Protocol record keys for posts are TIDs: 13 characters of base32-sortable encoding of a 64-bit
 * number (top bit 0, 53 bits of microseconds since the epoch, 10 bits of clock id). This one is
 * derived from the idempotency key (SHA-256) so that the same delivery always writes the same record:
 * the timestamp part stays in a plausible range (2023-2026) and the rest is hash bits.
 */
final class RecordKeys {

    private static final String ALPHABET = "234567abcdefghijklmnopqrstuvwxyz";
    /** 2023-01-01T00:00:00Z in microseconds. */
    private static final long BASE_MICROS = 1_672_531_200_000_000L;
    /** About 3.5 years of microseconds. */
    private static final long SPAN_MICROS = 1L << 46;

    private RecordKeys() {
    }

    static String of(String idempotencyKey) {
        long hash = hash(idempotencyKey);
        long micros = BASE_MICROS + ((hash >>> 10) & (SPAN_MICROS - 1));
        long tid = (micros << 10) | (hash & 0x3FF);
        StringBuilder key = new StringBuilder(13);
        for (int i = 12; i >= 0; i--) {
            key.append(ALPHABET.charAt((int) ((tid >>> (5 * i)) & 0x1F)));
        }
        return key.toString();
    }

    private static long hash(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            long hash = 0;
            for (int i = 0; i < 8; i++) {
                hash = (hash << 8) | (digest[i] & 0xFF);
            }
            return hash;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
