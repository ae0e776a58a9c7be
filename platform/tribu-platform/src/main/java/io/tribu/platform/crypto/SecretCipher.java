package io.tribu.platform.crypto;

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
 * Seals secrets stored in a service's database (publishing's channel credentials, listening's YouTube API keys) with
 * AES-256-GCM: a random 96-bit nonce per message, the 128-bit tag checked on opening, and associated data naming the
 * row (e.g. {@code channel:<id>}) so a ciphertext copied onto another row does not open. The stored text starts with
 * the id of the key that sealed it ({@code k1:...}), which lets several keys live side by side while rows are re-sealed
 * with the active one (rotation: add the new key, make it active, re-seal, then drop the old key once no row uses it).
 *
 * <p>The keyring is a service setting ({@code tribu.credentials.keys}, {@code id:base64 32-byte key} separated by
 * commas, and {@code tribu.credentials.active-key}), read by the service's own configuration mapping; each service makes
 * its instance from it. Key material and plaintext never appear in a message.
 */
public final class SecretCipher {

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    /** AES-256. */
    private static final int KEY_BYTES = 32;

    private final Map<String, SecretKeySpec> keyring;
    private final String activeKeyId;
    private final SecureRandom random = new SecureRandom();

    public SecretCipher(String keys, String activeKeyId) {
        Keyring ring = Keyring.parse("tribu.credentials", keys, activeKeyId, KEY_BYTES, KEY_BYTES);
        this.keyring = new LinkedHashMap<>();
        ring.keys().forEach((id, key) -> keyring.put(id, new SecretKeySpec(key, "AES")));
        this.activeKeyId = activeKeyId;
    }

    public String activeKeyId() {
        return activeKeyId;
    }

    /** The prefix of every value sealed with the active key (SQL: {@code not like prefix || '%'} finds the others). */
    public String activePrefix() {
        return activeKeyId + ":";
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
            return activePrefix() + Base64.getEncoder().encodeToString(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** Throws {@link TamperedSecret} when the text was altered, moved to another row or sealed with an unknown key. */
    public String open(String stored, String associatedData) {
        int colon = stored.indexOf(':');
        SecretKeySpec key = colon > 0 ? keyring.get(stored.substring(0, colon)) : null;
        if (key == null) {
            throw new TamperedSecret("sealed with a key that is not in the keyring");
        }
        try {
            byte[] message = Base64.getDecoder().decode(stored.substring(colon + 1));
            if (message.length < NONCE_BYTES + TAG_BITS / 8) {
                throw new TamperedSecret("too short");
            }
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, message, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(message, NONCE_BYTES, message.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new TamperedSecret("authentication tag does not match");
        }
    }

    /** Sealed with an older key: to be re-sealed with the active one. */
    public boolean needsRotation(String stored) {
        return !stored.startsWith(activePrefix());
    }

    /** Opened with the keyring and sealed again with the active key, for the same row. */
    public String reseal(String stored, String associatedData) {
        return seal(open(stored, associatedData), associatedData);
    }

    /** The secret cannot be opened; the message never contains key material or plaintext. */
    public static class TamperedSecret extends RuntimeException {
        public TamperedSecret(String why) {
            super("A sealed secret cannot be opened: " + why);
        }
    }
}
