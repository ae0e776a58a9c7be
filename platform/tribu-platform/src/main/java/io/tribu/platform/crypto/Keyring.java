package io.tribu.platform.crypto;

import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A keyring setting as every service writes it: {@code <prefix>.keys}, {@code id:base64 key} entries separated by
 * commas, and {@code <prefix>.active-key}, the id of the key that seals or signs what is new (the others still open or
 * verify what they made: rotation). Read once at start; a bad setting (a key id given twice included) stops the start
 * with a message naming the property and the key id, never key material. {@link SecretCipher} seals with one ({@code tribu.credentials}),
 * publishing's approval links are signed with another ({@code tribu.approval-links}).
 */
public final class Keyring {

    private final Map<String, byte[]> keys;
    private final String activeKeyId;

    private Keyring(Map<String, byte[]> keys, String activeKeyId) {
        this.keys = Collections.unmodifiableMap(keys);
        this.activeKeyId = activeKeyId;
    }

    /**
     * The keyring of {@code keys} and {@code activeKeyId}, each key of {@code minBytes} to {@code maxBytes} bytes;
     * {@code prefix} names the setting in the messages ({@code tribu.credentials}).
     */
    public static Keyring parse(String prefix, String keys, String activeKeyId, int minBytes, int maxBytes) {
        Map<String, byte[]> ring = new LinkedHashMap<>();
        for (String entry : keys.split(",")) {
            String trimmed = entry.trim();
            int colon = trimmed.indexOf(':');
            if (colon <= 0) {
                throw new IllegalStateException(prefix + ".keys entries are id:base64key, separated by commas");
            }
            String id = trimmed.substring(0, colon);
            byte[] key;
            try {
                key = Base64.getDecoder().decode(trimmed.substring(colon + 1));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(prefix + ".keys: key " + id + " is not base64");
            }
            if (key.length < minBytes || key.length > maxBytes) {
                throw new IllegalStateException(prefix + ".keys: key " + id + " must have "
                        + (minBytes == maxBytes ? minBytes : "at least " + minBytes) + " bytes, it has " + key.length);
            }
            // A second entry of an id would silently replace the first: a row sealed with the key it replaced
            // would no longer open, found only when that row is read.
            if (ring.putIfAbsent(id, key) != null) {
                throw new IllegalStateException(prefix + ".keys: key id " + id + " appears twice; each key needs an id of its own");
            }
        }
        if (!ring.containsKey(activeKeyId)) {
            throw new IllegalStateException(prefix + ".active-key " + activeKeyId + " is not one of the key ids of "
                    + prefix + ".keys " + ring.keySet());
        }
        return new Keyring(ring, activeKeyId);
    }

    /** The keys by id, in the order of the setting; callers copy them into their own key specs. */
    public Map<String, byte[]> keys() {
        return keys;
    }

    public String activeKeyId() {
        return activeKeyId;
    }
}
