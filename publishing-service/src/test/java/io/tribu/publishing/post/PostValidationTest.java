package io.tribu.publishing.post;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.tribu.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static io.tribu.publishing.post.Drafts.draft;
import static io.tribu.publishing.post.Drafts.variant;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every rule a draft must follow answers 400 problem+json naming the field and the rule. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class PostValidationTest {

    static final String CM = TestTokens.token("soleil", "community-manager", "cafe-lumiere");
    static final String PLANNED = "2026-12-24T18:00:00Z";
    static final Map<String, String> MASTODON_OK = variant("mastodon", "Joyeux réveillon à toutes et à tous !");

    static ValidatableResponse post(Object body) {
        return given().auth().oauth2(CM).contentType(ContentType.JSON).body(body)
                .when().post("/brands/cafe-lumiere/posts")
                .then();
    }

    static ValidatableResponse rejected(Object body) {
        return post(body).statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400));
    }

    /** The one violation of the response, as a field -> message map. */
    static void assertOnlyViolation(ValidatableResponse response, String field, String message) {
        response.body("violations", hasSize(1))
                .body("violations[0].field", equalTo(field))
                .body("violations[0].message", equalTo(message));
    }

    @Test
    void blueskyCountsEachEmojiAsOneGrapheme() {
        // 12 graphemes of words and 300 emoji: 312 graphemes, but 612 UTF-16 units.
        String text = "Joyeux Noël " + "🎄".repeat(300);
        assertEquals(612, text.length());

        post(draft(PLANNED, variant("instagram", "Carrousel", List.of("https://cdn.cafe-lumiere.fr/a.jpg",
                "https://cdn.cafe-lumiere.fr/b.jpg", "https://cdn.cafe-lumiere.fr/atelier.mp4")))).statusCode(201);
        assertOnlyViolation(rejected(draft(PLANNED, MASTODON_OK, variant("bluesky", text))),
                "variants[1].text", "bluesky allows at most 300 graphemes, this text has 312");
    }

    @Test
    void blueskyAcceptsThreeHundredGraphemesWhateverTheirUtf16Length() {
        // 300 emoji: 600 UTF-16 units. 300 letters with combining accents: 600 code points.
        post(draft(PLANNED, variant("bluesky", "☕🎄😀".repeat(100)))).statusCode(201);
        post(draft(PLANNED, variant("bluesky", "e\u0301".repeat(300)))).statusCode(201);
        assertOnlyViolation(rejected(draft(PLANNED, variant("bluesky", "e\u0301".repeat(301)))),
                "variants[0].text", "bluesky allows at most 300 graphemes, this text has 301");
    }

    @Test
    void xWeighsUrlsCjkAndEmojiAsXDoes() {
        // 140 Chinese characters weigh 280; a 60-character URL weighs 23.
        post(draft(PLANNED, variant("x", "你".repeat(140)))).statusCode(201);
        post(draft(PLANNED, variant("x", "a".repeat(256) + " https://www.cafe-lumiere.fr/carte/hiver/chocolat-chaud?ref=x"))).statusCode(201);
        assertOnlyViolation(rejected(draft(PLANNED, MASTODON_OK, variant("x", "你".repeat(140) + "🎄"))),
                "variants[1].text", "x allows at most 280 weighted characters, this text has 282");
    }

    @Test
    void instagramNeedsMediaAndLimitsHashtagsAndMentions() {
        rejected(draft(PLANNED, MASTODON_OK, variant("instagram", "Bûche du jour " + "#noel ".repeat(31) + "@ami ".repeat(21))))
                .body("violations", hasSize(3))
                .body("violations.field", org.hamcrest.Matchers.containsInAnyOrder("variants[1].media", "variants[1].text", "variants[1].text"))
                .body("violations.message", org.hamcrest.Matchers.containsInAnyOrder(List.of(
                        "instagram needs an image or a video",
                        "instagram allows at most 30 hashtags, this text has 31",
                        "instagram allows at most 20 @mentions, this text has 21").toArray()));
        rejected(draft(PLANNED, variant("instagram", "a".repeat(2201))))
                .body("violations.field", org.hamcrest.Matchers.containsInAnyOrder("variants[0].text", "variants[0].media"))
                .body("violations.message", hasItem("instagram allows at most 2200 characters, this text has 2201"));
    }

    @Test
    void mediaAreHttpsUrlsWhereTheNetworkTakesThem() {
        post(draft(PLANNED, variant("instagram", "Bûche du jour #noel", List.of("https://cdn.cafe-lumiere.fr/buche.jpg"))))
                .statusCode(201)
                .body("variants[0].media", org.hamcrest.Matchers.contains("https://cdn.cafe-lumiere.fr/buche.jpg"));
        rejected(draft(PLANNED, variant("instagram", "Bûche", List.of("http://cdn.cafe-lumiere.fr/buche.jpg"))))
                .body("violations.field", hasItem(org.hamcrest.Matchers.startsWith("variants[0].media")))
                .body("violations.message", hasItem("must be an https URL"));
        post(draft(PLANNED, variant("mastodon", "Bûche", List.of("https://cdn.cafe-lumiere.fr/a.jpg", "https://cdn.cafe-lumiere.fr/b.jpg")),
                variant("bluesky", "Bûche", List.of("https://cdn.cafe-lumiere.fr/a.jpg")))).statusCode(201);
        assertOnlyViolation(rejected(draft(PLANNED, MASTODON_OK, variant("bluesky", "Bûche",
                        List.of("https://cdn.cafe-lumiere.fr/a.jpg", "https://cdn.cafe-lumiere.fr/clip.mp4")))),
                "variants[1].media", "bluesky takes images only, no video");
        assertOnlyViolation(rejected(draft(PLANNED, variant("mastodon", "Bûche", List.of("https://cdn.cafe-lumiere.fr/1.jpg",
                        "https://cdn.cafe-lumiere.fr/2.jpg", "https://cdn.cafe-lumiere.fr/3.jpg", "https://cdn.cafe-lumiere.fr/4.jpg",
                        "https://cdn.cafe-lumiere.fr/5.jpg")))),
                "variants[0].media", "mastodon takes at most 4 media, this variant has 5");
        post(draft(PLANNED, variant("x", "Bûche", List.of("https://cdn.cafe-lumiere.fr/buche.jpg")),
                variant("linkedin", "Bûche", List.of("https://cdn.cafe-lumiere.fr/a.jpg", "https://cdn.cafe-lumiere.fr/b.jpg"))))
                .statusCode(201);
        assertOnlyViolation(rejected(draft(PLANNED, variant("x", "Bûche", List.of("https://cdn.cafe-lumiere.fr/buche.jpg",
                        "https://cdn.cafe-lumiere.fr/clip.mov")))),
                "variants[0].media", "x takes images only for now, no video");
        assertOnlyViolation(rejected(draft(PLANNED, variant("facebook", "Bûche",
                        List.of("https://cdn.cafe-lumiere.fr/a.jpg", "https://cdn.cafe-lumiere.fr/b.jpg")))),
                "variants[0].media", "facebook links at most one image or video, this variant has 2");
    }

    @Test
    void facebookAllowsLongPosts() {
        post(draft(PLANNED, variant("facebook", "a".repeat(63206)))).statusCode(201);
        assertOnlyViolation(rejected(draft(PLANNED, variant("facebook", "a".repeat(63207)))),
                "variants[0].text", "facebook allows at most 63206 characters, this text has 63207");
    }

    @Test
    void mastodonAllowsFiveHundredCharacters() {
        post(draft(PLANNED, variant("mastodon", "a".repeat(500)))).statusCode(201);
        // An emoji is one character, not two UTF-16 units.
        post(draft(PLANNED, variant("mastodon", "🎄".repeat(500)))).statusCode(201);
        assertOnlyViolation(rejected(draft(PLANNED, variant("mastodon", "a".repeat(501)))),
                "variants[0].text", "mastodon allows at most 500 characters, this text has 501");
    }

    @Test
    void linkedinAllowsThreeThousandCharacters() {
        post(draft(PLANNED, variant("linkedin", "a".repeat(3000)))).statusCode(201);
        assertOnlyViolation(rejected(draft(PLANNED, MASTODON_OK, variant("linkedin", "a".repeat(3001)))),
                "variants[1].text", "linkedin allows at most 3000 characters, this text has 3001");
    }

    @Test
    void anUnknownNetworkIsRefused() {
        assertOnlyViolation(rejected(draft(PLANNED, MASTODON_OK, variant("myspace", "Hello"))),
                "variants[1].network", "unknown network; supported networks are mastodon, bluesky, linkedin, x, facebook, instagram");
        // Names are exact: the API, the events and the database all use lowercase.
        rejected(draft(PLANNED, variant("Mastodon", "Hello")))
                .body("violations.field", hasItem("variants[0].network"));
    }

    @Test
    void aNetworkGetsAtMostOneVariant() {
        assertOnlyViolation(rejected(draft(PLANNED, MASTODON_OK, variant("bluesky", "Un"),
                        variant("mastodon", "Deux"))),
                "variants[2].network", "at most one variant per network: mastodon already has variants[0]");
    }

    @Test
    void aPostNeedsAtLeastOneVariant() {
        assertOnlyViolation(rejected(draft(PLANNED)), "variants", "must contain at least one variant");
        Map<String, Object> withoutVariants = draft(PLANNED);
        withoutVariants.remove("variants");
        assertOnlyViolation(rejected(withoutVariants), "variants", "must contain at least one variant");
    }

    @Test
    void everyViolationIsReportedAtOnce() {
        Map<String, Object> body = draft(PLANNED, variant("bluesky", "a".repeat(301)), variant("tiktok", "x"),
                variant("linkedin", " "));
        body.put("title", "");
        rejected(body)
                .body("violations", hasSize(4))
                .body("violations.field", hasItem("title"))
                .body("violations.field", hasItem("variants[0].text"))
                .body("violations.field", hasItem("variants[1].network"))
                .body("violations.field", hasItem("variants[2].text"));
    }

    @Test
    void malformedJsonAnswers400ProblemJson() {
        post("{\"title\": \"Réveillon\", \"variants\": [").statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400));
    }

    @Test
    void anUnreadablePlannedAtAnswers400NamingTheField() {
        assertOnlyViolation(rejected(draft("le 24 au soir", MASTODON_OK)),
                "plannedAt", "must be an ISO-8601 instant such as 2026-12-24T18:00:00Z");
    }

    @Test
    void aValueOfTheWrongTypeAnswers400NamingTheField() {
        assertOnlyViolation(rejected("{\"title\": [\"Réveillon\"], \"variants\": []}"), "title", "must be a string");
        assertOnlyViolation(rejected("{\"title\": \"Réveillon\", \"variants\": {\"network\": \"bluesky\"}}"),
                "variants", "must be an array");
        assertOnlyViolation(rejected("{\"title\": \"Réveillon\", \"variants\": [{\"network\": \"bluesky\", \"text\": {}}]}"),
                "variants[0].text", "must be a string");
        // Never Jackson's wording, which names Java classes.
        rejected("{\"title\": \"Réveillon\", \"plannedAt\": \"demain\", \"variants\": []}")
                .body(not(containsString("java.")))
                .body(not(containsString("Instant")));
        rejected("[1]").body("detail", equalTo("The body must be a JSON object"));
    }

    @Test
    void tagsAreBounded() {
        Map<String, Object> body = draft(PLANNED, MASTODON_OK);
        body.put("tags", List.of("noel", "x".repeat(51)));
        assertOnlyViolation(rejected(body), "tags[1]", "must be at most 50 characters");
        body.put("tags", List.of("noel", " "));
        assertOnlyViolation(rejected(body), "tags[1]", "must not be blank");
    }
}
