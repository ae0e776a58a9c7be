package io.tribu.publishing.action;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.tribu.platform.testing.TopicReader;
import io.tribu.publishing.network.fake.FakeGoogleBusiness;
import io.tribu.publishing.post.Drafts;
import io.tribu.publishing.review.GoogleBusinessFakes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.tribu.publishing.review.GoogleBusinessFakes.connect;
import static io.tribu.publishing.action.ActionRequests.completed;
import static io.tribu.publishing.action.ActionRequests.request;
import static io.tribu.publishing.action.ActionRequests.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 28: moderation's reply to a Google review is the business's answer ({@code PUT …/reviews/{r}/reply}), a second
 * reply updates it, {@code delete_reply} removes it ({@code DELETE …/reviews/{r}/reply}); through the action path, once
 * per action id, with the outcome reported. Hiding or deleting a customer's review is refused.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class ReviewReplyTest {

    static GoogleBusinessFakes fakes;

    @jakarta.inject.Inject
    java.time.Clock clock;

    @BeforeAll
    static void start() {
        fakes = new GoogleBusinessFakes();
    }

    @AfterAll
    static void stop() {
        fakes.close();
    }

    /** Moderation's action on the review, addressed as moderation does for an item without URL. */
    static ObjectNode action(String tenant, String brand, String action, FakeGoogleBusiness.Review review, String text) throws Exception {
        ObjectNode request = request(tenant, brand, action, "urn:tribu:google_business:" + review.name());
        ObjectNode data = (ObjectNode) request.get("data");
        data.put("network", "google_business").put("targetExternalId", review.name()).put("visibility", "public");
        if (text != null) {
            data.put("replyText", text);
        }
        return request;
    }

    @Test
    void aReplyIsTheBusinesssAnswerOnceAndASecondUpdatesIt() throws Exception {
        String brand = Drafts.freshBrand();
        // Two locations of the brand: the action goes through the one the review belongs to.
        connect("soleil", brand, fakes.google.location(), FakeGoogleBusiness.TOKEN);
        String location = fakes.google.location();
        String channelId = connect("soleil", brand, location, "ya29.expired-before-the-first-call");
        FakeGoogleBusiness.Review review = fakes.google.review(location, "Marie D.", 1, "Café froid", clock.instant().minusSeconds(600));
        try (TopicReader events = new TopicReader("tribu.publishing.actions")) {
            ObjectNode reply = action("soleil", brand, "reply", review, "Désolés Marie, nous revoyons la machine.");
            send(reply);
            JsonNode done = completed(events, reply);
            assertEquals("done", done.get("outcome").asText(), done.toString());
            assertEquals(channelId, done.get("channelId").asText());
            assertEquals(review.name() + "/reply", done.get("resultExternalId").asText());
            assertEquals("Désolés Marie, nous revoyons la machine.", fakes.google.current(review).reply());
            assertTrue(fakes.oauth.refreshed(), "the expired token was renewed on Google's 401");

            // Redelivered: carried out once.
            assertEquals(List.of(), ActionRequests.outcomesOfSendingAgain(events, reply, clock));

            ObjectNode update = action("soleil", brand, "reply", review, "Merci Marie, la machine est réparée.");
            send(update);
            assertEquals("done", completed(events, update).get("outcome").asText());
            assertEquals("Merci Marie, la machine est réparée.", fakes.google.current(review).reply());
        }
    }

    @Test
    void deletingTheReplyLeavesTheReviewWithoutAnswerAndARepeatedDeleteIsDoneToo() throws Exception {
        String brand = Drafts.freshBrand();
        String location = fakes.google.location();
        connect("soleil", brand, location, FakeGoogleBusiness.TOKEN);
        FakeGoogleBusiness.Review review = fakes.google.review(location, "Inès", 2, "Service lent", clock.instant().minusSeconds(900));
        try (TopicReader events = new TopicReader("tribu.publishing.actions")) {
            ObjectNode reply = action("soleil", brand, "reply", review, "Merci Inès, nous étions en sous-effectif.");
            send(reply);
            assertEquals("done", completed(events, reply).get("outcome").asText());
            assertEquals("Merci Inès, nous étions en sous-effectif.", fakes.google.current(review).reply());

            ObjectNode delete = action("soleil", brand, "delete_reply", review, null);
            send(delete);
            JsonNode deleted = completed(events, delete);
            assertEquals("done", deleted.get("outcome").asText(), deleted.toString());
            assertEquals("delete_reply", deleted.get("action").asText());
            assertTrue(deleted.get("resultExternalId").isNull(), deleted.toString());
            assertNull(fakes.google.current(review).reply(), "the reply is gone at Google");
            assertEquals(2, fakes.google.current(review).stars(), "the review itself stays");

            // Asked again (another actionId): Google answers 404 NOT_FOUND, no reply left; that is what was asked.
            ObjectNode again = action("soleil", brand, "delete_reply", review, null);
            send(again);
            assertEquals("done", completed(events, again).get("outcome").asText());

            // Another location's review, and another agency's brand of the same id: nothing is deleted.
            FakeGoogleBusiness.Review elsewhere = fakes.google.review(fakes.google.location(), "Léo", 5, "Top", clock.instant().minusSeconds(60));
            ObjectNode other = action("soleil", brand, "reply", review, "Nous revenons vers vous.");
            send(other);
            completed(events, other);
            ObjectNode foreignLocation = action("soleil", brand, "delete_reply", elsewhere, null);
            send(foreignLocation);
            assertTrue(completed(events, foreignLocation).get("reason").asText().contains("is not one of the location"));
            ObjectNode foreign = action("nord", brand, "delete_reply", review, null);
            send(foreign);
            assertTrue(completed(events, foreign).get("reason").asText().contains("no google_business channel"));
            assertEquals("Nous revenons vers vous.", fakes.google.current(review).reply());
        }
    }

    @Test
    void aRevokedTokenFailsTheDeleteAndKeepsTheReply() throws Exception {
        String brand = Drafts.freshBrand();
        String location = fakes.google.location();
        connect("soleil", brand, location, "ya29.revoked-by-the-owner");
        FakeGoogleBusiness.Review review = fakes.google.review(location, "Hugo", 1, "Jamais plus", clock.instant().minusSeconds(300));
        fakes.google.answer(review, "Nous sommes désolés, Hugo.");
        fakes.oauth.revokeRefreshToken();
        try (TopicReader events = new TopicReader("tribu.publishing.actions")) {
            ObjectNode delete = action("soleil", brand, "delete_reply", review, null);
            send(delete);
            JsonNode failed = completed(events, delete);
            assertEquals("failed", failed.get("outcome").asText(), failed.toString());
            assertTrue(failed.get("reason").asText().contains("401 UNAUTHENTICATED"), failed.toString());
            assertEquals("Nous sommes désolés, Hugo.", fakes.google.current(review).reply());
        } finally {
            fakes.oauth.restoreRefreshToken();
        }
    }

    @Test
    void hidingOrDeletingAReviewAPrivateReplyAnotherLocationsReviewAndAnotherAgencyAreRefused() throws Exception {
        String brand = Drafts.freshBrand();
        String location = fakes.google.location();
        connect("soleil", brand, location, FakeGoogleBusiness.TOKEN);
        FakeGoogleBusiness.Review review = fakes.google.review(location, "Paul", 2, "Bof", clock.instant().minusSeconds(60));
        FakeGoogleBusiness.Review elsewhere = fakes.google.review(fakes.google.location(), "Léa", 1, "Non", clock.instant().minusSeconds(60));
        try (TopicReader events = new TopicReader("tribu.publishing.actions")) {
            ObjectNode hide = action("soleil", brand, "hide", review, null);
            send(hide);
            JsonNode hidden = completed(events, hide);
            assertEquals("failed", hidden.get("outcome").asText());
            assertTrue(hidden.get("reason").asText().contains("cannot be hidden"), hidden.toString());

            ObjectNode delete = action("soleil", brand, "delete", review, null);
            send(delete);
            JsonNode deleted = completed(events, delete);
            assertEquals("failed", deleted.get("outcome").asText());
            assertTrue(deleted.get("reason").asText().contains("cannot be deleted by the business"), deleted.toString());

            ObjectNode privately = action("soleil", brand, "reply", review, "Écrivez-nous");
            ((ObjectNode) privately.get("data")).put("visibility", "private");
            send(privately);
            assertTrue(completed(events, privately).get("reason").asText().contains("public"));

            ObjectNode other = action("soleil", brand, "reply", elsewhere, "Merci");
            send(other);
            JsonNode refused = completed(events, other);
            assertEquals("failed", refused.get("outcome").asText());
            assertTrue(refused.get("reason").asText().contains("is not one of the location"), refused.toString());
            assertNull(fakes.google.current(elsewhere).reply());

            // Another agency with the same brand id has no channel of its own: nothing is written with soleil's.
            ObjectNode foreign = action("nord", brand, "reply", review, "Bonjour");
            send(foreign);
            JsonNode none = completed(events, foreign);
            assertEquals("failed", none.get("outcome").asText());
            assertTrue(none.get("reason").asText().contains("no google_business channel"), none.toString());
            assertNull(fakes.google.current(review).reply());
        }
    }
}
