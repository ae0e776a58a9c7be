package io.tribu.console.session;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.Cookie;
import io.restassured.response.Response;
import io.tribu.console.FakeServices;
import io.tribu.console.SignIn;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(FakeServices.class)
class SignInTest {

    @OidcWireMock
    WireMockServer provider;

    @Test
    void aPageVisitWithoutSessionGoesToTheProviderWithPkce() {
        Response response = given().redirects().follow(false).get("/");
        assertEquals(302, response.statusCode());
        URI location = URI.create(response.header("Location"));
        Map<String, String> query = SignIn.query(location.getRawQuery());
        assertEquals("code", query.get("response_type"));
        assertEquals("tribu-console", query.get("client_id"));
        assertEquals("S256", query.get("code_challenge_method"));
        assertTrue(query.containsKey("code_challenge"), "PKCE challenge sent");
    }

    @Test
    void aCallFromThePageWithoutSessionIsNotRedirected() {
        given().redirects().follow(false).header("X-Requested-With", "JavaScript")
                .get("/api/me").then().statusCode(499);
    }

    @Test
    void signInKeepsTheTokensInAnEncryptedHttpOnlyLaxCookie() {
        Map<String, String> cookies = SignIn.as(provider, "camille", "community-manager", "soleil",
                List.of("cafe-lumiere", "velo-vert"));
        provider.verify(postRequestedFor(urlEqualTo("/auth/realms/quarkus/token"))
                .withRequestBody(containing("code_verifier=")));
        String session = cookies.get("q_session");
        String[] jwe = session.split("\\.");
        assertEquals(5, jwe.length, "the session cookie is a JWE (encrypted), not a readable JWT");
        String header = new String(java.util.Base64.getUrlDecoder().decode(jwe[0]), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(header.contains("A256GCM"), header);
        assertFalse(session.contains("camille"), "no claim readable in the cookie");

        Response again = given().redirects().follow(false).get("/api/me");
        Cookie authState = again.detailedCookies().get(again.detailedCookies().asList().get(0).getName());
        assertTrue(authState.isHttpOnly(), "state cookie is HttpOnly");

        given().cookies(cookies).get("/api/me").then().statusCode(200)
                .body("user", equalTo("camille"))
                .body("name", equalTo("camille Test"))
                .body("role", equalTo("community-manager"))
                .body("roles", equalTo(List.of("community-manager")))
                .body("tenant", equalTo("soleil"))
                .body("brands", equalTo(List.of("cafe-lumiere", "velo-vert")))
                .body("csrfToken.length()", is(43))
                .header("Cache-Control", "no-store")
                .header("Content-Security-Policy", containsString("script-src 'self'"));
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLax() {
        // Read the Set-Cookie header of the code exchange itself.
        SignIn.stubTokens(provider, "code=anna", "anna", "analyst", "soleil", List.of("cafe-lumiere"),
                Duration.ofHours(1), "refresh-anna");
        Response toProvider = given().redirects().follow(false).get("/api/me");
        Map<String, String> query = SignIn.query(URI.create(toProvider.header("Location")).getRawQuery());
        String redirectUri = java.net.URLDecoder.decode(query.get("redirect_uri"), java.nio.charset.StandardCharsets.UTF_8);
        Response back = given().redirects().follow(false).cookies(toProvider.cookies()).urlEncodingEnabled(false)
                .get(redirectUri + "?state=" + query.get("state") + "&code=anna");
        String setCookie = back.headers().getValues("Set-Cookie").stream()
                .filter(h -> h.startsWith("q_session")).findFirst().orElseThrow();
        assertTrue(setCookie.toLowerCase().contains("httponly"), setCookie);
        assertTrue(setCookie.toLowerCase().contains("samesite=lax"), setCookie);
    }

    @Test
    void theTokensAreRefreshedBeforeTheyExpire() {
        // Tokens with 30 s left (less than the one-minute skew): the next call refreshes them.
        Map<String, String> cookies = SignIn.as(provider, "alice", "admin", "soleil", List.of("cafe-lumiere"),
                Duration.ofSeconds(30));
        SignIn.stubTokens(provider, "refresh_token=refresh-alice", "alice", "admin", "soleil",
                List.of("cafe-lumiere", "velo-vert"), Duration.ofHours(1), "refresh-alice-2");
        Response me = given().cookies(cookies).get("/api/me");
        assertEquals(200, me.statusCode());
        provider.verify(postRequestedFor(urlEqualTo("/auth/realms/quarkus/token"))
                .withRequestBody(containing("grant_type=refresh_token")));
        assertEquals(List.of("cafe-lumiere", "velo-vert"), me.jsonPath().getList("brands"));
    }

    @Test
    void signOutEndsTheProviderSession() {
        Map<String, String> cookies = SignIn.as(provider, "noe", "community-manager", "nord", List.of("biscuits-nord"));
        Response out = given().redirects().follow(false).cookies(cookies).get("/logout");
        assertEquals(302, out.statusCode());
        String location = out.header("Location");
        assertTrue(location.contains("/auth/realms/quarkus/protocol/openid-connect/logout")
                || location.contains("end_session") || location.contains("logout"), location);
        assertTrue(location.contains("id_token_hint="), location);
        assertTrue(location.contains("post_logout_redirect_uri="), location);
        assertTrue(location.contains("signed-out.html"), location);
    }
}
