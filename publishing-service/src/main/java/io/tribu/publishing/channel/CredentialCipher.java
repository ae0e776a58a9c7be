package io.tribu.publishing.channel;

import io.tribu.publishing.config.PublishingConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Seals channel credentials with AES-256-GCM: a random 96-bit nonce per message, the 128-bit tag
 * checked on opening, and the row's id as associated data so a ciphertext copied onto another channel
 * does not open. The stored text starts with the id of the key that sealed it ({@code k1:...}), which
 * lets several keys live side by side while rows are re-sealed with the active one (rotation).
 */
@ApplicationScoped
public class CredentialCipher {

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int KEY_BYTES = 32;

    private final Map<String, SecretKeySpec> keyring;
    private final String activeKeyId;
    private final SecureRandom random = new SecureRandom();

    @Inject
    public CredentialCipher(PublishingConfig config) {
        this(config.credentials().keys(), config.credentials().activeKey());
    }

    public CredentialCipher(String keys, String activeKeyId) {
        this.keyring = parse(keys);
        if (!keyring.containsKey(activeKeyId)) {
            throw new IllegalStateException("tribu.credentials.active-key " + activeKeyId
                    + " is not one of the key ids of tribu.credentials.keys " + keyring.keySet());
        }
        this.activeKeyId = activeKeyId;
    }

    /** {@code id:base64key,id2:base64key}; each key 32 bytes. Key material never appears in messages. */
    static Map<String, SecretKeySpec> parse(String keys) {
        Map<String, SecretKeySpec> ring = new LinkedHashMap<>();
        for (String entry : keys.split(",")) {
            String trimmed = entry.trim();
            int colon = trimmed.indexOf(':');
            if (colon <= 0) {
                throw new IllegalStateException("tribu.credentials.keys entries are id:base64key, separated by commas");
            }
            String id = trimmed.substring(0, colon);
            byte[] key;
            try {
                key = Base64.getDecoder().decode(trimmed.substring(colon + 1));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("tribu.credentials.keys: key " + id + " is not base64");
            }
            if (key.length != KEY_BYTES) {
                throw new IllegalStateException("tribu.credentials.keys: key " + id + " must be 32 bytes (AES-256), it has "
                        + key.length);
            }
            ring.put(id, new SecretKeySpec(key, "AES"));
        }
        return ring;
    }

    public String activeKeyId() {
        return activeKeyId;
    }

    public String seal(String plaintext, String associatedData) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, keyring.get(activeKeyId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] message = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, message, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, message, NONCE_BYTES, sealed.length);
            return activeKeyId + ":" + Base64.getEncoder().encodeToString(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** Throws {@link TamperedCredentials} when the text was altered, moved to another row or sealed with an unknown key. */
    public String open(String stored, String associatedData) {
        int colon = stored.indexOf(':');
        SecretKeySpec key = colon > 0 ? keyring.get(stored.substring(0, colon)) : null;
        if (key == null) {
            throw new TamperedCredentials("sealed with a key that is not in the keyring");
        }
        try {
            byte[] message = Base64.getDecoder().decode(stored.substring(colon + 1));
            if (message.length < NONCE_BYTES + TAG_BITS / 8) {
                throw new TamperedCredentials("too short");
            }
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, message, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(message, NONCE_BYTES, message.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new TamperedCredentials("authentication tag does not match");
        }
    }

    /** Sealed with an older key: to be re-sealed with the active one. */
    public boolean needsRotation(String stored) {
        return !stored.startsWith(activeKeyId + ":");
    }

    /** The credentials cannot be opened; the message never contains key material or plaintext. */
    public static class TamperedCredentials extends RuntimeException {
        TamperedCredentials(String why) {
            super("Channel credentials cannot be opened: " + why);
        }
    }
}
