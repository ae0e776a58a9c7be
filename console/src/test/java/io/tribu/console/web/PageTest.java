package io.tribu.console.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.tribu.console.FakeServices;
import io.tribu.console.SignIn;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The page as the browser gets it: behind the sign-in, with a CSP that allows no inline script. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(FakeServices.class)
class PageTest {

    /** A script element without src, i.e. inline code. */
    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);

    @OidcWireMock
    WireMockServer provider;

    @Test
    void thePageHasAStrictCspAndNoInlineScript() {
        assumeTrue(getClass().getResource("/META-INF/resources/index.html") != null,
                "the page was built (not -Dconsole.web.skip)");
        var cookies = SignIn.as(provider, "camille", "community-manager", "soleil", List.of("cafe-lumiere"));
        String html = given().cookies(cookies).get("/").then().statusCode(200)
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                // The composer previews the post's media: public https images and videos, nothing else.
                .header("Content-Security-Policy", containsString("img-src 'self' data: https:; media-src https:;"))
                .header("X-Content-Type-Options", "nosniff")
                .extract().asString();
        assertFalse(INLINE_SCRIPT.matcher(html).find(), html);
        assertFalse(given().cookies(cookies).get("/").getHeader("Content-Security-Policy").contains("unsafe-inline"));
    }

    @Test
    void theSignedOutPageNeedsNoSession() {
        assumeTrue(getClass().getResource("/META-INF/resources/signed-out.html") != null, "the page was built");
        given().redirects().follow(false).get("/signed-out.html").then().statusCode(200)
                .header("Content-Security-Policy", containsString("default-src 'self'"));
    }
}
