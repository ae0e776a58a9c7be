package io.tribu.platform.crypto;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one reader of {@code tribu.*.keys} / {@code active-key} settings. */
class KeyringTest {

    static String key(int bytes, int fill) {
        byte[] key = new byte[bytes];
        Arrays.fill(key, (byte) fill);
        return Base64.getEncoder().encodeToString(key);
    }

    @Test
    void readsTheKeysInTheirOrderWithTheActiveOne() {
        Keyring ring = Keyring.parse("tribu.x", " k2:" + key(32, 2) + " , k1:" + key(40, 1), "k1", 32, 64);
        assertEquals(List.of("k2", "k1"), List.copyOf(ring.keys().keySet()));
        assertArrayEquals(Base64.getDecoder().decode(key(40, 1)), ring.keys().get("k1"));
        assertEquals("k1", ring.activeKeyId());
        assertThrows(UnsupportedOperationException.class, () -> ring.keys().remove("k1"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "k1:AAAA                    | tribu.x.keys: key k1 must have at least 32 bytes, it has 3",
            "k1:not base64!             | tribu.x.keys: key k1 is not base64",
            "AAAAAAAAAAAAAAAAAAAAAAAAAA | tribu.x.keys entries are id:base64key, separated by commas",
            ":AAAA                      | tribu.x.keys entries are id:base64key, separated by commas",
    })
    void aBadSettingStopsTheStartNamingThePropertyNeverTheKey(String keys, String message) {
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> Keyring.parse("tribu.x", keys, "k1", 32, Integer.MAX_VALUE));
        assertEquals(message, failure.getMessage());
    }

    @Test
    void aKeyIdGivenTwiceIsRefusedNamingTheIdNeverTheKeys() {
        String first = key(32, 1);
        String second = key(32, 2);
        IllegalStateException twice = assertThrows(IllegalStateException.class,
                () -> Keyring.parse("tribu.credentials", "k1:" + first + ",k2:" + key(32, 3) + ", k1:" + second, "k1", 32, 32));
        assertEquals("tribu.credentials.keys: key id k1 appears twice; each key needs an id of its own", twice.getMessage());
        assertFalse(twice.getMessage().contains(first) || twice.getMessage().contains(second));
        // The same key under two ids is no defect of the setting (a rotation may start that way).
        Keyring ring = Keyring.parse("tribu.credentials", "k1:" + first + ",k2:" + first, "k2", 32, 32);
        assertEquals(List.of("k1", "k2"), List.copyOf(ring.keys().keySet()));
    }

    @Test
    void keysOutOfBoundsOrAnUnknownActiveKeyAreRefused() {
        String big = key(33, 7);
        IllegalStateException exact = assertThrows(IllegalStateException.class,
                () -> Keyring.parse("tribu.credentials", "k1:" + big, "k1", 32, 32));
        assertEquals("tribu.credentials.keys: key k1 must have 32 bytes, it has 33", exact.getMessage());
        assertFalse(exact.getMessage().contains(big));
        IllegalStateException active = assertThrows(IllegalStateException.class,
                () -> Keyring.parse("tribu.credentials", "k1:" + key(32, 1), "k2", 32, 32));
        assertTrue(active.getMessage().startsWith("tribu.credentials.active-key k2 is not one of the key ids of tribu.credentials.keys [k1]"),
                active.getMessage());
    }
}
