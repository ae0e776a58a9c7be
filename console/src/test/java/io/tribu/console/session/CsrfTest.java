package io.tribu.console.session;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.tribu.console.FakeServices;
import io.tribu.console.SignIn;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(FakeServices.class)
class CsrfTest {

    private static final String DECISION = "/api/moderation/brands/cafe-lumiere/inbox/1/decisions";

    @OidcWireMock
    WireMockServer provider;

    private Map<String, String> cookies;
    private String csrf;

    @BeforeEach
    void signIn() {
        cookies = new HashMap<>(SignIn.as(provider, "camille", "community-manager", "soleil", List.of("cafe-lumiere")));
        var me = given().cookies(cookies).get("/api/me");
        csrf = me.jsonPath().getString("csrfToken");
        cookies.put("tribu-csrf", me.cookie("tribu-csrf"));
        FakeServices.LAST.set(null);
    }

    @Test
    void aStateChangingCallWithoutTheHeaderIsRefusedAndNotForwarded() {
        given().cookies(cookies).contentType("application/json").body("{\"action\":\"hide\"}")
                .post(DECISION).then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("https://tribu.io/problems/csrf"));
        org.junit.jupiter.api.Assertions.assertNull(FakeServices.LAST.get(), "nothing reached the service");
    }

    @Test
    void aHeaderThatDiffersFromTheCookieIsRefused() {
        given().cookies(cookies).header("X-Tribu-Csrf", "forged").contentType("application/json").body("{}")
                .put("/api/moderation/brands/cafe-lumiere/charter").then().statusCode(403);
        given().cookies(cookies).header("X-Tribu-Csrf", "forged").delete(DECISION).then().statusCode(403);
    }

    @Test
    void withoutTheCookieEvenTheRightHeaderIsRefused() {
        Map<String, String> noCsrfCookie = new HashMap<>(cookies);
        noCsrfCookie.remove("tribu-csrf");
        given().cookies(noCsrfCookie).header("X-Tribu-Csrf", csrf).contentType("application/json").body("{}")
                .post(DECISION).then().statusCode(403);
    }

    @Test
    void theMatchingHeaderLetsTheCallThrough() {
        given().cookies(cookies).header("X-Tribu-Csrf", csrf).contentType("application/json")
                .body("{\"action\":\"hide\"}").post(DECISION).then().statusCode(201);
    }

    @Test
    void theCsrfCookieIsStrictAndKeptAcrossCalls() {
        var me = given().cookies(cookies).get("/api/me");
        me.then().body("csrfToken", equalTo(csrf));
        String setCookie = me.headers().getValues("Set-Cookie").stream()
                .filter(h -> h.startsWith("tribu-csrf=")).findFirst().orElseThrow();
        org.junit.jupiter.api.Assertions.assertTrue(setCookie.toLowerCase().contains("samesite=strict"), setCookie);
    }
}
