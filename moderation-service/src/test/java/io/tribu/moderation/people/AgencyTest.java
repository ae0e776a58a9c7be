package io.tribu.moderation.people;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.tribu.moderation.access.SignIn;
import io.tribu.moderation.access.TestTokens;
import io.tribu.moderation.inbox.Interactions;
import io.tribu.moderation.outbox.TestEvents;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** The agency's people (for assignments) and its brands' inboxes at a glance; never another agency's. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class AgencyTest {

    static TestEvents events;

    @Inject
    Clock clock;

    @BeforeAll
    static void connect() {
        events = new TestEvents();
    }

    @AfterAll
    static void disconnect() {
        events.close();
    }

    static String freshBrand() {
        return "brand-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void theAgencysPeopleAreThoseWhoSignedInAndOnlyTheyCanBeAssigned() {
        String agency = "agency-" + UUID.randomUUID().toString().substring(0, 8);
        String brand = freshBrand();
        SignIn.as(agency, "camille");
        given().auth().oauth2(TestTokens.person(agency, "alice", "admin", brand)).when().get("/brands/" + brand + "/inbox")
                .then().statusCode(200);
        SignIn.as("nord", "noe");

        given().auth().oauth2(TestTokens.token(agency, "analyst", brand)).when().get("/agency/people")
                .then().statusCode(200)
                .body("people.userName", contains("alice", "analyst@" + agency, "camille"))
                .body("people.userName", not(hasItem("noe")))
                .body("people.find { it.userName == 'alice' }.displayName", equalTo("Alice Test"))
                .body("people.find { it.userName == 'alice' }.email", equalTo("alice@" + agency + ".example"))
                .body("people.find { it.userName == 'alice' }.roles", contains("admin"))
                .body("people.find { it.userName == 'camille' }.lastSeenAt", org.hamcrest.Matchers.notNullValue());
        given().auth().oauth2(TestTokens.token("nord", "admin")).when().get("/agency/people")
                .then().statusCode(200).body("people.userName", not(hasItem("camille")));
        given().auth().oauth2(TestTokens.token(agency, "client-approver", brand)).when().get("/agency/people")
                .then().statusCode(403);
        given().when().get("/agency/people").then().statusCode(401);

        String cm = TestTokens.token(agency, "community-manager", brand);
        UUID item = Interactions.receivedComment(events, agency, brand, cm);
        String decisions = "/brands/" + brand + "/inbox/" + item + "/decisions";
        given().auth().oauth2(cm).contentType(ContentType.JSON)
                .body(Map.of("action", "assign", "assignee", "ghost", "expectedVersion", 0))
                .when().post(decisions)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("assignee"));
        // Someone of another agency is nobody here.
        given().auth().oauth2(cm).contentType(ContentType.JSON)
                .body(Map.of("action", "assign", "assignee", "noe", "expectedVersion", 0))
                .when().post(decisions)
                .then().statusCode(400).body("violations.field", hasItem("assignee"));
        given().auth().oauth2(cm).contentType(ContentType.JSON)
                .body(Map.of("action", "assign", "assignee", "camille", "expectedVersion", 0))
                .when().post(decisions)
                .then().statusCode(200).body("assignee", equalTo("camille")).body("version", equalTo(1));
    }

    @Test
    void theInboxSummaryCountsEachBrandOfTheCallerAndNothingOfAnotherAgency() {
        String agency = "agency-" + UUID.randomUUID().toString().substring(0, 8);
        String busy = freshBrand();
        String late = freshBrand();
        String quiet = freshBrand();
        String cm = TestTokens.token(agency, "community-manager", busy, late, quiet);
        // Published now: due within the default 60-minute target, not breached.
        Interactions.receivedComment(events, agency, busy, cm, clock.instant());
        UUID closed = Interactions.receivedComment(events, agency, busy, cm, clock.instant());
        Interactions.receivedComment(events, agency, busy, cm, clock.instant());
        given().auth().oauth2(cm).contentType(ContentType.JSON).body(Map.of("action", "close", "expectedVersion", 0))
                .when().post("/brands/" + busy + "/inbox/" + closed + "/decisions").then().statusCode(200);
        // Published two hours ago: past the default 60-minute target, found breached by the SLA watcher.
        Interactions.receivedComment(events, agency, late, cm, clock.instant().minus(Duration.ofHours(2)));

        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(cm).when().get("/agency/inbox-summary")
                .then().extract().jsonPath().getInt("brands.find { it.brandId == '" + late + "' }.slaBreaches") == 1);
        given().auth().oauth2(cm).when().get("/agency/inbox-summary")
                .then().statusCode(200)
                .body("brands.size()", equalTo(3))
                .body("brands.find { it.brandId == '" + busy + "' }.newItems", equalTo(2))
                .body("brands.find { it.brandId == '" + busy + "' }.openItems", equalTo(2))
                .body("brands.find { it.brandId == '" + busy + "' }.slaBreaches", equalTo(0))
                .body("brands.find { it.brandId == '" + late + "' }.newItems", equalTo(1))
                .body("brands.find { it.brandId == '" + quiet + "' }.openItems", equalTo(0));
        // Another agency's token naming the same brand ids sees none of it.
        given().auth().oauth2(TestTokens.token("nord", "admin", busy, late)).when().get("/agency/inbox-summary")
                .then().statusCode(200)
                .body("brands.newItems", contains(0, 0))
                .body("brands.slaBreaches", contains(0, 0));
        given().auth().oauth2(TestTokens.token(agency, "client-approver", busy)).when().get("/agency/inbox-summary")
                .then().statusCode(403);
    }
}
