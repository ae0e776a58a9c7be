package io.tribu.console.forward;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.tribu.console.FakeServices;
import io.tribu.console.SignIn;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A client with an approval link has no account: the console forwards the link's two calls to publishing without a
 * session and without anybody's token, and nothing else opens without a session.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(FakeServices.class)
class ApprovalLinkForwardTest {

    private static final String TOKEN = "AZNnXq0SfcmvW1lmo3xTdQ.k1.Qm9ndXNNYWNPZlRoaXJ0eVR3b0J5dGVzMDEyMzQ1Njc4OQ";
    private static final String POST = "0193a0b2-7c1d-7e3f-8a9b-0c1d2e3f4a5b";

    @OidcWireMock
    WireMockServer provider;

    @BeforeEach
    void forget() {
        FakeServices.LAST.set(null);
    }

    @Test
    void aClientReadsTheLinkWithoutSessionAndPublishingGetsNoToken() {
        given().redirects().follow(false).get("/public/approval-links/" + TOKEN)
                .then().statusCode(200).body("brandId", equalTo("cafe-lumiere"))
                .header("Cache-Control", "no-store");
        FakeServices.Received received = FakeServices.LAST.get();
        assertEquals("/slow/approval-links/" + TOKEN, received.uri());
        assertNull(received.authorization(), "no token goes with a client's call");
    }

    @Test
    void aSignedInUserOpeningALinkSendsNeitherTheirTokenNorTheirCookies() {
        var cookies = SignIn.as(provider, "camille", "community-manager", "soleil", List.of("cafe-lumiere"));
        given().cookies(cookies).get("/public/approval-links/" + TOKEN).then().statusCode(200);
        FakeServices.Received received = FakeServices.LAST.get();
        assertNull(received.authorization(), "the link's holder decides as the link, never as the signed-in user");
        assertNull(received.cookie());
    }

    @Test
    void aDecisionNeedsNeitherSessionNorCsrfHeaderAndCarriesItsBody() {
        given().redirects().follow(false).contentType("application/json")
                .body("{\"action\":\"request-changes\",\"comment\":\"Plutôt « bûche »\"}")
                .post("/public/approval-links/" + TOKEN + "/posts/" + POST + "/decisions")
                .then().statusCode(200);
        FakeServices.Received received = FakeServices.LAST.get();
        assertEquals("POST", received.method());
        assertEquals("/slow/approval-links/" + TOKEN + "/posts/" + POST + "/decisions", received.uri());
        assertEquals("{\"action\":\"request-changes\",\"comment\":\"Plutôt « bûche »\"}", received.body());
        assertTrue(received.contentType().startsWith("application/json"));
        assertNull(received.authorization());
    }

    @Test
    void publishingIsToldTheAddressThatCalledTheConsoleAfterWhateverTheRequestSaid() throws UnknownHostException {
        given().get("/public/approval-links/" + TOKEN).then().statusCode(200);
        assertEquals("127.0.0.1", FakeServices.LAST.get().forwardedFor(), "this test's address: publishing's budget is per client");
        // A second client: its own address, so publishing (trusting the console) gives it a budget of its own.
        given().config(RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
                        .setParam("http.route.local-address", InetAddress.getByName("127.0.0.2"))))
                .baseUri("http://127.0.0.1").get("/public/approval-links/" + TOKEN).then().statusCode(200);
        assertEquals("127.0.0.2", FakeServices.LAST.get().forwardedFor());
        // A client naming somebody else: kept where it was written, the connection's address appended after it (not
        // the address the console's proxy settings read from that header, which any client can write).
        given().header("X-Forwarded-For", "203.0.113.7, 198.51.100.2").get("/public/approval-links/" + TOKEN).then().statusCode(200);
        assertEquals("203.0.113.7, 198.51.100.2, 127.0.0.1", FakeServices.LAST.get().forwardedFor());
    }

    @Test
    void anExpiredLinkReachesThePageAsPublishingSaidIt() {
        given().get("/public/approval-links/gone" + TOKEN).then().statusCode(410)
                .body("type", equalTo("https://tribu.io/problems/link-gone"));
    }

    @Test
    void onlyTheLinksTwoShapesAreForwarded() {
        for (String path : List.of("/public/approval-links/not-a-token", "/public/approval-links/a.b",
                "/public/approval-links/..%2F..%2Fbrands%2Fcafe-lumiere%2Fposts",
                "/public/approval-links/" + TOKEN + "/posts/" + POST + "/history")) {
            int status = given().redirects().follow(false).urlEncodingEnabled(false).get(path).statusCode();
            assertTrue(status == 404 || status == 405, path + " answered " + status);
        }
        given().contentType("application/json").body("{\"action\":\"approve\"}")
                .post("/public/approval-links/" + TOKEN + "/posts/not-a-post/decisions")
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://tribu.io/problems/not-found"));
        assertNull(FakeServices.LAST.get(), "none of them reached publishing");
    }

    @Test
    void everythingElseStillNeedsASession() {
        given().redirects().follow(false).header("X-Requested-With", "JavaScript")
                .get("/api/publishing/brands/cafe-lumiere/approval-links").then().statusCode(499);
        given().redirects().follow(false).get("/public/other").then().statusCode(302)
                .header("Location", containsString("response_type=code"));
        assertNull(FakeServices.LAST.get());
    }

    @Test
    void theClientsPageOpensWithoutSessionUnderTheStrictPolicy() {
        assumeTrue(getClass().getResource("/META-INF/resources/approve.html") != null, "the page was built");
        String html = given().redirects().follow(false).get("/approve.html").then().statusCode(200)
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .extract().asString();
        var script = java.util.regex.Pattern.compile("src=\"(/approve/[^\"]+\\.js)\"").matcher(html);
        assertTrue(script.find(), "the page's own script, under /approve/: " + html);
        given().redirects().follow(false).get(script.group(1)).then().statusCode(200);
        // The console's own scripts stay behind the sign-in.
        given().redirects().follow(false).get("/").then().statusCode(302);
    }
}
