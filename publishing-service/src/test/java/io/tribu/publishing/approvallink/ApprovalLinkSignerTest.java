package io.tribu.publishing.approvallink;

import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rotation: a link verifies while the key that signed it is in the keyring, and only then. */
class ApprovalLinkSignerTest {

    static final String OLD = "k1:" + Base64.getEncoder().encodeToString(new byte[32]);
    static final String NEW = "k2:" + Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

    @Test
    void linksSignedWithAKeyVerifyWhileItStaysInTheKeyring() {
        UUID link = UUID.randomUUID();
        String before = new ApprovalLinkSigner(OLD, "k1").token(link, "k1");
        ApprovalLinkSigner rotating = new ApprovalLinkSigner(OLD + "," + NEW, "k2");
        assertEquals(Optional.of(new ApprovalLinkSigner.Signed(link, "k1")), rotating.verify(before));
        String after = rotating.token(link, rotating.activeKeyId());
        assertTrue(after.contains(".k2."));
        assertNotEquals(before, after);
        ApprovalLinkSigner retired = new ApprovalLinkSigner(NEW, "k2");
        assertEquals(Optional.empty(), retired.verify(before), "the old key left the keyring");
        assertEquals(Optional.of(new ApprovalLinkSigner.Signed(link, "k2")), retired.verify(after));
    }

    @Test
    void theMacIsNotTheConfiguredKeyUsedAsItIs() throws Exception {
        UUID link = UUID.randomUUID();
        String token = new ApprovalLinkSigner(OLD, "k1").token(link, "k1");
        String id = token.substring(0, token.indexOf('.'));
        javax.crypto.Mac plain = javax.crypto.Mac.getInstance("HmacSHA256");
        plain.init(new javax.crypto.spec.SecretKeySpec(new byte[32], "HmacSHA256"));
        String underived = Base64.getUrlEncoder().withoutPadding().encodeToString(plain.doFinal((id + ".k1").getBytes()));
        assertNotEquals(id + ".k1." + underived, token);
    }

    @Test
    void aShortOrUnreadableKeyStopsTheStart() {
        assertThrows(IllegalStateException.class, () -> new ApprovalLinkSigner("k1:" + Base64.getEncoder().encodeToString(new byte[16]), "k1"));
        assertThrows(IllegalStateException.class, () -> new ApprovalLinkSigner("k1:not base64!", "k1"));
        assertThrows(IllegalStateException.class, () -> new ApprovalLinkSigner(OLD, "k9"));
    }
}
