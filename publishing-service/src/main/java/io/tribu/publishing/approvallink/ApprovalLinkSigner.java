package io.tribu.publishing.approvallink;

import io.tribu.platform.crypto.Keyring;
import io.tribu.publishing.config.PublishingConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Signs and checks the token of an approval link: {@code <link id, base64url>.<key id>.<HMAC-SHA256, base64url>}.
 *
 * <p>The HMAC key is derived from each key of the configured keyring ({@code tribu.approval-links.keys}, by
 * default the channel-credentials keyring, read by the platform's {@link Keyring}: keys of at least 32 bytes, ids a
 * token can carry) as HMAC-SHA256(key, "tribu approval links v1"), so one secret never serves two algorithms. New
 * links are signed with the active key; a link verifies while its key id is still in the keyring, so rotation is: add
 * a key, make it active, and remove the old one when its links may stop working.
 * A token that is malformed, names an unknown key or carries a wrong MAC is refused before any database read,
 * in constant time for the MAC, and the caller sees the same 404 as for an unknown link.
 */
@ApplicationScoped
public class ApprovalLinkSigner {

    private static final String ALGORITHM = "HmacSHA256";
    private static final byte[] LABEL = "tribu approval links v1".getBytes(StandardCharsets.UTF_8);
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final Pattern TOKEN = Pattern.compile("([A-Za-z0-9_-]{22})\\.(" + KEY_ID.pattern() + ")\\.([A-Za-z0-9_-]{43})");
    private static final int MIN_KEY_BYTES = 32;

    /** A token whose signature holds: the link it names and the key that signed it. */
    public record Signed(UUID linkId, String keyId) {
    }

    private final Map<String, SecretKeySpec> keys;
    private final String activeKeyId;

    @Inject
    public ApprovalLinkSigner(PublishingConfig config) {
        this(config.approvalLinks().keys(), config.approvalLinks().activeKey());
    }

    ApprovalLinkSigner(String keys, String activeKeyId) {
        this.keys = derive(Keyring.parse("tribu.approval-links", keys, activeKeyId, MIN_KEY_BYTES, Integer.MAX_VALUE));
        this.activeKeyId = activeKeyId;
    }

    String activeKeyId() {
        return activeKeyId;
    }

    /** The token of {@code linkId}, signed with {@code keyId} (which must be in the keyring). */
    String token(UUID linkId, String keyId) {
        String id = encode(bytes(linkId));
        return id + "." + keyId + "." + encode(mac(keys.get(keyId), id + "." + keyId));
    }

    /** The link a token names when its signature holds; empty for anything else, whatever is wrong with it. */
    Optional<Signed> verify(String token) {
        if (token == null) {
            return Optional.empty();
        }
        Matcher parts = TOKEN.matcher(token);
        if (!parts.matches()) {
            return Optional.empty();
        }
        SecretKeySpec key = keys.get(parts.group(2));
        if (key == null) {
            return Optional.empty();
        }
        byte[] given = Base64.getUrlDecoder().decode(parts.group(3));
        byte[] expected = mac(key, parts.group(1) + "." + parts.group(2));
        if (!MessageDigest.isEqual(given, expected)) {
            return Optional.empty();
        }
        ByteBuffer id = ByteBuffer.wrap(Base64.getUrlDecoder().decode(parts.group(1)));
        return Optional.of(new Signed(new UUID(id.getLong(), id.getLong()), parts.group(2)));
    }

    /** The HMAC keys of the keyring, each key id one a token can carry. */
    private static Map<String, SecretKeySpec> derive(Keyring keyring) {
        Map<String, SecretKeySpec> derived = new LinkedHashMap<>();
        keyring.keys().forEach((id, key) -> {
            if (!KEY_ID.matcher(id).matches()) {
                throw new IllegalStateException("tribu.approval-links.keys: key ids are 1 to 32 letters, digits, _ or -, not " + id);
            }
            derived.put(id, new SecretKeySpec(mac(new SecretKeySpec(key, ALGORITHM), LABEL), ALGORITHM));
        });
        return derived;
    }

    private static byte[] mac(SecretKeySpec key, String text) {
        return mac(key, text.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] mac(SecretKeySpec key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JVM", e);
        }
    }

    private static byte[] bytes(UUID id) {
        return ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).array();
    }

    private static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
