package io.tribu.publishing.approvallink;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.tribu.platform.testing.TestTokens;
import io.tribu.publishing.post.Drafts;
import io.tribu.publishing.time.MovableClock;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Expiry and the per-address budget, driven by the service's clock (no sleeping). */
@QuarkusTest
@TestProfile(MovableClock.Profile.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class ApprovalLinkTimeTest {

    @Inject
    MovableClock clock;

    @Test
    void aLinkOpensUntilItExpiresThenIsGoneAndAnAddressHasABudgetPerMinute() {
        String brand = Drafts.freshBrand();
        String cm = TestTokens.token("soleil", "community-manager", brand);
        String post = given().auth().oauth2(cm).contentType(ContentType.JSON)
                .body(Drafts.draft(null, Drafts.variant("mastodon", "Réveillon")))
                .when().post("/brands/" + brand + "/posts").then().statusCode(201).extract().path("id");
        given().auth().oauth2(cm).contentType(ContentType.JSON).body(Map.of("action", "submit"))
                .when().post("/brands/" + brand + "/posts/" + post + "/transitions").then().statusCode(200);
        // A fresh budget window for this test's requests.
        clock.advance(Duration.ofMinutes(1));
        String token = given().auth().oauth2(cm).contentType(ContentType.JSON)
                .body(Map.of("postIds", List.of(post), "expiresInDays", 1))
                .when().post("/brands/" + brand + "/approval-links").then().statusCode(201).extract().path("token");

        clock.advance(Duration.ofDays(1).minusSeconds(61));
        ApprovalLinkTest.open(token).statusCode(200);
        clock.advance(Duration.ofSeconds(61));
        ApprovalLinkTest.open(token).statusCode(410).body("detail", containsString("expired"));
        ApprovalLinkTest.decide(token, post, Map.of("action", "approve")).statusCode(410);

        // 20 requests per minute and address (this profile): the 21st waits for the next minute, whatever it asks.
        clock.advance(Duration.ofMinutes(1));
        for (int i = 0; i < 20; i++) {
            ApprovalLinkTest.open("guess-" + i).statusCode(404);
        }
        ApprovalLinkTest.open(token).statusCode(429).contentType("application/problem+json")
                .body("type", equalTo("https://tribu.io/problems/too-many-requests"))
                .header("Retry-After", org.hamcrest.Matchers.notNullValue());
        ApprovalLinkTest.decide("x", post, Map.of("action", "approve")).statusCode(429);
        // The budget covers only the public paths.
        given().auth().oauth2(cm).when().get("/brands/" + brand + "/posts/" + post).then().statusCode(200);
        clock.advance(Duration.ofMinutes(1));
        ApprovalLinkTest.open(token).statusCode(410);
    }

    /**
     * Issue 25: every client reaches these paths through the console, which appends the address that called it to
     * X-Forwarded-For. From the console (a trusted proxy) each client spends its own budget, so one cannot spend
     * everybody's; from anybody else the header is not believed, so changing it buys no new budget.
     */
    @Test
    void clientsBehindTheConsoleHaveABudgetEachAndAHeaderFromAnUntrustedPeerIsIgnored() throws UnknownHostException {
        clock.advance(Duration.ofMinutes(1));
        for (int i = 0; i < 20; i++) {
            viaConsole("203.0.113.1").get("/approval-links/guess-" + i).then().statusCode(404);
        }
        viaConsole("203.0.113.1").get("/approval-links/guess").then().statusCode(429);
        // What the client wrote itself stays left of the address the console appended.
        viaConsole("198.51.100.66, 203.0.113.1").get("/approval-links/guess").then().statusCode(429);
        viaConsole("203.0.113.2").get("/approval-links/guess").then().statusCode(404);
        viaConsole("203.0.113.1, 203.0.113.2").get("/approval-links/guess").then().statusCode(404);

        for (int i = 0; i < 20; i++) {
            given().header("X-Forwarded-For", "198.51.100." + i).get("/approval-links/guess").then().statusCode(404);
        }
        given().header("X-Forwarded-For", "198.51.100.99").get("/approval-links/guess").then().statusCode(429);
        viaConsole("203.0.113.3").get("/approval-links/guess").then().statusCode(404);
    }

    /** A call as the console makes it: from its address (127.0.0.2, trusted in this profile), naming its client. */
    private static RequestSpecification viaConsole(String forwardedFor) throws UnknownHostException {
        return given().config(RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
                        .setParam("http.route.local-address", InetAddress.getByName("127.0.0.2"))))
                .baseUri("http://127.0.0.1").header("X-Forwarded-For", forwardedFor);
    }
}
