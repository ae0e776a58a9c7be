package io.tribu.console;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static io.restassured.RestAssured.given;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.restassured.response.Response;
import io.smallrye.jwt.build.Jwt;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Signs a user in through the console's real authorization-code flow against Quarkus' OIDC test
 * server: the console redirects to the provider, the test plays the provider's redirect back with a
 * code, and the console exchanges it (with its PKCE verifier) for tokens stubbed here per user.
 */
public final class SignIn {

    public static final String ISSUER = "https://server.example.com";

    private SignIn() {
    }

    /** The cookies of a signed-in session, the tokens valid for an hour. */
    public static Map<String, String> as(WireMockServer provider, String user, String role, String tenant,
            List<String> brands) {
        return as(provider, user, role, tenant, brands, Duration.ofHours(1));
    }

    public static Map<String, String> as(WireMockServer provider, String user, String role, String tenant,
            List<String> brands, Duration lifetime) {
        stubTokens(provider, "code=" + user, user, role, tenant, brands, lifetime, "refresh-" + user);
        Response toProvider = given().redirects().follow(false).get("/api/me");
        if (toProvider.statusCode() != 302) {
            throw new AssertionError("expected a redirect to the provider, got " + toProvider.statusCode());
        }
        URI authorize = URI.create(toProvider.header("Location"));
        Map<String, String> query = query(authorize.getRawQuery());
        String redirectUri = java.net.URLDecoder.decode(query.get("redirect_uri"), java.nio.charset.StandardCharsets.UTF_8);
        Response back = given().redirects().follow(false).cookies(toProvider.cookies())
                .urlEncodingEnabled(false)
                .get(redirectUri + "?state=" + query.get("state") + "&code=" + user);
        if (back.statusCode() != 302 || !back.cookies().containsKey("q_session")) {
            throw new AssertionError("the code exchange did not sign " + user + " in: " + back.statusCode() + " "
                    + back.body().asString());
        }
        return back.cookies();
    }

    public static void stubTokens(WireMockServer provider, String requestContains, String user, String role,
            String tenant, List<String> brands, Duration lifetime, String refreshToken) {
        Instant now = Instant.now();
        String access = Jwt.issuer(ISSUER).subject(user).upn(user).claim("preferred_username", user)
                .claim("name", user + " Test").audience("tribu-api").groups(Set.of(role, "offline_access")).claim("tenant", tenant)
                .claim("brands", brands).issuedAt(now).expiresAt(now.plus(lifetime)).jws().keyId("1").sign();
        String id = Jwt.issuer(ISSUER).subject(user).claim("preferred_username", user).claim("name", user + " Test")
                .audience("tribu-console").groups(Set.of(role)).issuedAt(now).expiresAt(now.plus(lifetime))
                .jws().keyId("1").sign();
        provider.stubFor(post("/auth/realms/quarkus/token").atPriority(1)
                .withRequestBody(containing(requestContains))
                .willReturn(okJson("{\"access_token\":\"" + access + "\",\"id_token\":\"" + id
                        + "\",\"refresh_token\":\"" + refreshToken + "\",\"token_type\":\"Bearer\",\"expires_in\":"
                        + lifetime.toSeconds() + "}")));
    }

    public static Map<String, String> query(String raw) {
        Map<String, String> values = new java.util.HashMap<>();
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            values.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return values;
    }
}
