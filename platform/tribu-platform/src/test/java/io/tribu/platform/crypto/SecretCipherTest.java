package io.tribu.platform.crypto;

import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The keyring both services seal their stored secrets with. */
class SecretCipherTest {

    static final String OLD = Base64.getEncoder().encodeToString(new byte[32]);
    static final String NEW = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

    final SecretCipher old = new SecretCipher("k1:" + OLD, "k1");
    final SecretCipher rotated = new SecretCipher("k1:" + OLD + ", k2:" + NEW, "k2");

    @Test
    void sealsWithARandomNonceAndTheKeyIdThenOpens() {
        String first = old.seal("{\"accessToken\":\"secret-token\"}", "channel:a");
        String second = old.seal("{\"accessToken\":\"secret-token\"}", "channel:a");
        assertTrue(first.startsWith("k1:"));
        assertFalse(first.contains("secret-token"));
        assertNotEquals(first, second, "a fresh nonce per message");
        assertEquals("{\"accessToken\":\"secret-token\"}", old.open(first, "channel:a"));
    }

    @Test
    void detectsAnyChangedByte() {
        String sealed = old.seal("secret-token", "channel:a");
        byte[] message = Base64.getDecoder().decode(sealed.substring(3));
        for (int i = 0; i < message.length; i++) {
            byte[] altered = message.clone();
            altered[i] ^= 0x01;
            String tampered = "k1:" + Base64.getEncoder().encodeToString(altered);
            assertThrows(SecretCipher.TamperedSecret.class, () -> old.open(tampered, "channel:a"));
        }
    }

    @Test
    void doesNotOpenOnAnotherRowNorWithAnUnknownKey() {
        String sealed = old.seal("secret-token", "channel:a");
        assertThrows(SecretCipher.TamperedSecret.class, () -> old.open(sealed, "channel:b"));
        assertThrows(SecretCipher.TamperedSecret.class, () -> old.open("k9" + sealed.substring(2), "channel:a"));
        assertThrows(SecretCipher.TamperedSecret.class, () -> old.open("garbage", "channel:a"));
        SecretCipher.TamperedSecret failure = assertThrows(SecretCipher.TamperedSecret.class,
                () -> old.open(sealed, "channel:b"));
        assertFalse(failure.getMessage().contains("secret-token"));
    }

    @Test
    void aRotatedKeyringOpensOldValuesAndSealsWithTheActiveKey() {
        String sealedBefore = old.seal("secret-token", "channel:a");
        assertTrue(rotated.needsRotation(sealedBefore));
        assertEquals("secret-token", rotated.open(sealedBefore, "channel:a"));
        String resealed = rotated.reseal(sealedBefore, "channel:a");
        assertEquals("secret-token", rotated.open(resealed, "channel:a"));
        assertTrue(resealed.startsWith("k2:"));
        assertFalse(rotated.needsRotation(resealed));
        assertThrows(SecretCipher.TamperedSecret.class, () -> old.open(resealed, "channel:a"),
                "the old keyring does not know k2");
    }

    @Test
    void refusesAWrongKeyring() {
        assertThrows(IllegalStateException.class, () -> new SecretCipher("k1:" + OLD, "k2"));
        assertThrows(IllegalStateException.class, () -> new SecretCipher("k1:c2hvcnQ=", "k1"));
        assertThrows(IllegalStateException.class, () -> new SecretCipher("k1:not base64!", "k1"));
        assertThrows(IllegalStateException.class, () -> new SecretCipher(OLD, "k1"));
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> new SecretCipher("k1:c2hvcnQ=", "k1"));
        assertFalse(failure.getMessage().contains("c2hvcnQ="), "key material never in messages");
    }
}
