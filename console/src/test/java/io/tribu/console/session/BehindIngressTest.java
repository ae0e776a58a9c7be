package io.tribu.console.session;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import io.tribu.console.FakeServices;
import io.tribu.console.SignIn;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Behind an ingress that ends TLS the console is reached over plain HTTP: sign-in must still send the provider
 * the address the browser used (the forwarded scheme and host), or the provider refuses the redirect URI.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(FakeServices.class)
class BehindIngressTest {

    @Test
    void theRedirectUriFollowsTheForwardedSchemeAndHost() {
        Response response = given().redirects().follow(false)
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "tribu.agency.example")
                .get("/");
        assertEquals(302, response.statusCode());
        String redirectUri = URLDecoder.decode(
                SignIn.query(URI.create(response.header("Location")).getRawQuery()).get("redirect_uri"), StandardCharsets.UTF_8);
        assertEquals("https://tribu.agency.example/", redirectUri);
    }
}
