package io.tribu.moderation.access;

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

    /** A named person's token, with the name and e-mail claims Keycloak adds. */
    public static String person(String tenant, String userName, String role, String... brands) {
        return Jwt.preferredUserName(userName)
                .subject("sub-" + tenant + "-" + userName)
                .issuer("https://server.example.com")
                .audience("tribu-api")
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
        return signed("some-other-api", tenant, role, brands);
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
