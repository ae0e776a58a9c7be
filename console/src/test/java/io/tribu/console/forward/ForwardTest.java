package io.tribu.console.forward;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
class ForwardTest {

    @OidcWireMock
    WireMockServer provider;

    private Map<String, String> cookies;

    @BeforeEach
    void signIn() {
        cookies = new HashMap<>(SignIn.as(provider, "camille", "community-manager", "soleil", List.of("cafe-lumiere")));
    }

    @Test
    void aReadGoesToTheServiceWithTheUsersAccessTokenAndItsQuery() {
        given().cookies(cookies).get("/api/moderation/brands/cafe-lumiere/inbox?status=open&limit=50")
                .then().statusCode(200).contentType("application/json")
                .body("path", equalTo("/brands/cafe-lumiere/inbox"))
                .header("Set-Cookie", nullValue());
        FakeServices.Received received = FakeServices.LAST.get();
        assertEquals("GET", received.method());
        assertEquals("/brands/cafe-lumiere/inbox?status=open&limit=50", received.uri());
        assertTrue(received.authorization().startsWith("Bearer eyJ"), "the user's access token is forwarded");
        assertNull(received.cookie(), "the console's cookies stay at the console");
    }

    @Test
    void aWriteCarriesItsBodyAndTheServicesAnswerComesBackAsItIs() {
        var me = given().cookies(cookies).get("/api/me");
        cookies.put("tribu-csrf", me.cookie("tribu-csrf"));
        given().cookies(cookies).header("X-Tribu-Csrf", me.jsonPath().getString("csrfToken"))
                .contentType("application/json").body("{\"action\":\"hide\",\"version\":3}")
                .post("/api/moderation/brands/cafe-lumiere/inbox/7/decisions")
                .then().statusCode(201).header("Location", "/brands/cafe-lumiere/things/1")
                .body("created", equalTo(true));
        assertEquals("{\"action\":\"hide\",\"version\":3}", FakeServices.LAST.get().body());
        assertTrue(FakeServices.LAST.get().contentType().startsWith("application/json"));
    }

    @Test
    void aCreationKeepsItsIdempotencyKeySoThatARetryCreatesNothingTwice() {
        var me = given().cookies(cookies).get("/api/me");
        cookies.put("tribu-csrf", me.cookie("tribu-csrf"));
        given().cookies(cookies).header("X-Tribu-Csrf", me.jsonPath().getString("csrfToken"))
                .header("Idempotency-Key", "composer-42").contentType("application/json").body("{\"title\":\"t\"}")
                .post("/api/moderation/brands/cafe-lumiere/posts")
                .then().statusCode(201).header("Idempotent-Replayed", "true");
        assertEquals("composer-42", FakeServices.LAST.get().idempotencyKey());
    }

    @Test
    void aServicesHtmlPageGetsAPolicyThatLetsItStyleItselfButRunsNothing() {
        var report = given().cookies(cookies).get("/api/moderation/brands/cafe-lumiere/report?lang=fr")
                .then().statusCode(200).contentType(containsString("text/html")).extract();
        // One policy only: a browser enforces every policy it is sent, so the page's would still apply.
        assertEquals(List.of(ForwardResource.DOCUMENT_POLICY), report.headers().getValues("Content-Security-Policy"));
        assertTrue(ForwardResource.DOCUMENT_POLICY.contains("style-src 'unsafe-inline'"));
        assertFalse(ForwardResource.DOCUMENT_POLICY.contains("script-src"), "default-src 'none' runs no script");
        var json = given().cookies(cookies).get("/api/moderation/brands/cafe-lumiere/inbox").then().statusCode(200).extract();
        assertEquals(1, json.headers().getValues("Content-Security-Policy").size());
        assertTrue(json.header("Content-Security-Policy").contains("script-src 'self'"), "the page's policy elsewhere");
    }

    @Test
    void theServicesRefusalsPassThroughUnchanged() {
        given().cookies(cookies).get("/api/moderation/brands/other/inbox")
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://tribu.io/problems/not-found"));
    }

    @Test
    void aServiceThatIsDownIsNamedInA503() {
        given().cookies(cookies).get("/api/analytics/brands/cafe-lumiere/mention-volume")
                .then().statusCode(503).contentType("application/problem+json")
                .body("service", equalTo("analytics"))
                .body("type", equalTo("https://tribu.io/problems/service-unavailable"))
                .body("detail", containsString("analytics"));
    }

    @Test
    void aSlowServiceIsCutOffWithA504() {
        long started = System.nanoTime();
        given().cookies(cookies).get("/api/publishing/brands/cafe-lumiere/posts")
                .then().statusCode(504).contentType("application/problem+json")
                .body("service", equalTo("publishing"));
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(millis < 2_900, "answered at the 1 s timeout, not after the service's 3 s: " + millis);
    }

    @Test
    void anUnknownServiceIsA404() {
        given().cookies(cookies).get("/api/billing/anything").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void withoutSessionNothingIsForwarded() {
        FakeServices.LAST.set(null);
        given().redirects().follow(false).header("X-Requested-With", "JavaScript")
                .get("/api/moderation/brands/cafe-lumiere/inbox").then().statusCode(499);
        assertNull(FakeServices.LAST.get());
    }
}
