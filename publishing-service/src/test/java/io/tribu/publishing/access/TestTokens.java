package io.tribu.publishing.access;

import io.smallrye.jwt.build.Jwt;

import java.util.List;
import java.util.Set;

/** Real signed access tokens, verified by the service against the OIDC test server's keys. */
public final class TestTokens {

    private TestTokens() {
    }

    public static String token(String tenant, String role, String... brands) {
        return signed("tribu-api", tenant, role, brands);
    }

    /** A token of a named user (the service's {@code userName}), e.g. two admins of one agency. */
    public static String tokenOf(String user, String tenant, String role, String... brands) {
        return Jwt.preferredUserName(user)
                .issuer("https://server.example.com")
                .audience("tribu-api")
                .groups(Set.of(role))
                .claim("tenant", tenant)
                .claim("brands", List.of(brands))
                .jws().keyId("1")
                .sign("privateKey.jwk");
    }

    /** A token of another audience, which the service must refuse. */
    public static String tokenForOtherAudience(String tenant, String role, String... brands) {
        return signed("some-other-api", tenant, role, brands);
    }

    /**
     * A token valid for an hour instead of smallrye-jwt's 5 minutes: for a test that keeps one token longer than that
     * on a loaded machine (the bad-input probe took 306 s once, and its last requests were refused as expired).
     */
    public static String longLived(String tenant, String role, String... brands) {
        return Jwt.preferredUserName(role + "@" + tenant)
                .issuer("https://server.example.com")
                .audience("tribu-api")
                .groups(Set.of(role))
                .claim("tenant", tenant)
                .claim("brands", List.of(brands))
                .expiresIn(java.time.Duration.ofHours(1))
                .jws().keyId("1")
                .sign("privateKey.jwk");
    }

    private static String signed(String audience, String tenant, String role, String... brands) {
        return Jwt.preferredUserName(role + "@" + tenant)
                .issuer("https://server.example.com")
                .audience(audience)
                .groups(Set.of(role))
                .claim("tenant", tenant)
                .claim("brands", List.of(brands))
                .jws().keyId("1")
                .sign("privateKey.jwk");
    }
}
