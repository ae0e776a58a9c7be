package io.tribu.platform.testing;

import io.smallrye.jwt.build.Jwt;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Real signed access tokens, verified by the service against the OIDC test server's keys. They live two hours, not
 * the library's five minutes: test classes build theirs once, and a class can run longer than that on a busy machine
 * (BadInputTest's requests were then refused with 401 before their 414 or 431).
 */
public final class TestTokens {

    static final Duration LIFETIME = Duration.ofHours(2);

    private TestTokens() {
    }

    public static String token(String tenant, String role, String... brands) {
        return signed(role + "@" + tenant, "tribu-api", tenant, role, brands);
    }

    /** A token of a named user (the service's {@code userName}), e.g. two admins of one agency. */
    public static String tokenOf(String user, String tenant, String role, String... brands) {
        return signed(user, "tribu-api", tenant, role, brands);
    }

    /** A named person's token, with the subject, name and e-mail claims Keycloak adds. */
    public static String person(String tenant, String userName, String role, String... brands) {
        return Jwt.preferredUserName(userName)
                .subject("sub-" + tenant + "-" + userName)
                .issuer("https://server.example.com")
                .audience("tribu-api")
                .expiresIn(LIFETIME)
                .groups(Set.of(role))
                .claim("tenant", tenant)
                .claim("brands", List.of(brands))
                .claim("name", userName.substring(0, 1).toUpperCase() + userName.substring(1) + " Test")
                .claim("email", userName + "@" + tenant + ".example")
                .jws().keyId("1")
                .sign("privateKey.jwk");
    }

    /** A token of another audience, which the service must refuse. */
    public static String tokenForOtherAudience(String tenant, String role, String... brands) {
        return signed(role + "@" + tenant, "some-other-api", tenant, role, brands);
    }

    private static String signed(String user, String audience, String tenant, String role, String... brands) {
        return Jwt.preferredUserName(user)
                .issuer("https://server.example.com")
                .audience(audience)
                .expiresIn(LIFETIME)
                .groups(Set.of(role))
                .claim("tenant", tenant)
                .claim("brands", List.of(brands))
                .jws().keyId("1")
                .sign("privateKey.jwk");
    }
}
