package io.tribu.analytics.access;

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

    /** A token of another audience, which the service must refuse. */
    public static String tokenForOtherAudience(String tenant, String role, String... brands) {
        return signed("some-other-api", tenant, role, brands);
    }

    private static String signed(String audience, String tenant, String role, String... brands) {
        return Jwt.preferredUserName(role + "@" + tenant)
                .issuer("https://server.example.com")
                .audience(audience)
                .groups(Set.of(role))
                .claim("tenant", tenant)
                .claim("brands", List.of(brands))
                // An hour rather than the builder's 5 minutes: the bad-input probe's requests outlast 5 minutes on a
                // loaded machine, and an expired token turns its last findings into 401s.
                .expiresIn(java.time.Duration.ofHours(1))
                .jws().keyId("1")
                .sign("privateKey.jwk");
    }
}
