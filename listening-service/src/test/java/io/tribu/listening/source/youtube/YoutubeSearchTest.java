package io.tribu.listening.source.youtube;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.tribu.platform.testing.TestTokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * YouTube search sources against a fake Data API: mentions once, pages, the cursor, the quota, the key kept secret and
 * sealed at rest.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
// Not restricted to this class: a restricted resource is a Quarkus application of its own (one more build and
// start of the service, about 20 s of the module's tests); the fake answers the default test service's searches.
@QuarkusTestResource(FakeYoutube.Resource.class)
class YoutubeSearchTest {

    static final String CM = TestTokens.token("soleil", "community-manager", "cafe-lumiere");
    static final String SOURCES = "/brands/cafe-lumiere/sources";
    static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");
    /** Every log record of the service while this class runs, formatted: no API key may appear in one. */
    static final List<String> LOGGED = new CopyOnWriteArrayList<>();
    static final Handler CAPTURE = new Handler() {
        @Override
        public void publish(LogRecord record) {
            LOGGED.add(record.getLoggerName() + " " + record.getMessage() + " " + java.util.Arrays.toString(record.getParameters()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @Inject
    Clock clock;

    @Inject
    io.vertx.mutiny.sqlclient.Pool pool;

    @Inject
    ApiKeys apiKeys;

    @BeforeAll
    static void captureLogs() {
        Logger.getLogger("").addHandler(CAPTURE);
    }

    @AfterAll
    static void stopCapturing() {
        Logger.getLogger("").removeHandler(CAPTURE);
    }

    static FakeYoutube youtube() {
        return FakeYoutube.current;
    }

    static String add(String query, String apiKey) {
        return given().auth().oauth2(CM).contentType(ContentType.JSON)
                .body(Map.of("type", "youtube", "query", query, "apiKey", apiKey))
                .when().post(SOURCES)
                .then().statusCode(201).extract().path("id");
    }

    static Map<String, Object> source(String id) {
        return given().auth().oauth2(CM).when().get(SOURCES + "/" + id).then().statusCode(200).extract().jsonPath().getMap("$");
    }

    static List<Map<String, Object>> mentions(String sourceId) {
        return given().auth().oauth2(CM).queryParam("sourceId", sourceId).queryParam("limit", 200)
                .when().get("/brands/cafe-lumiere/mentions")
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    /** The mentions whose text has the word {@code word}, all of them (the search's pages followed). */
    static int mentionsWith(String word) {
        int count = 0;
        String cursor = null;
        do {
            var request = given().auth().oauth2(CM).queryParam("q", word).queryParam("limit", 200);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.when().get("/brands/cafe-lumiere/mentions/search")
                    .then().statusCode(200).extract().jsonPath();
            count += page.getList("items").size();
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return count;
    }

    /** {@code count} videos matching {@code query}, a second apart, the newest 20 minutes ago. */
    void videos(String query, int count) {
        Instant newest = clock.instant().minus(Duration.ofMinutes(20));
        for (int i = 0; i < count; i++) {
            youtube().video(query + "-" + i, "Café Lumière & croissants n°" + i + " " + query,
                    "L'avis de \"Julie\" <3", "Chaîne " + i, newest.minusSeconds(count - 1 - i));
        }
    }

    static Instant nextPacificMidnight(Instant at) {
        return at.atZone(PACIFIC).toLocalDate().plusDays(1).atStartOfDay(PACIFIC).toInstant();
    }

    @Test
    void resultsBecomeMentionsOnceThePagesFollowedAndAVideoReadAgainIsNoSecondMention() {
        String query = "lumiere-pages";
        videos(query, 60);
        Instant created = clock.instant();
        String id = add(query, FakeYoutube.KEY);

        await().atMost(Duration.ofSeconds(60)).until(() -> mentions(id).size() == 60);
        Map<String, Object> first = mentions(id).stream().filter(m -> m.get("url").toString().endsWith("=" + query + "-0"))
                .findFirst().orElseThrow();
        assertEquals("Café Lumière & croissants n°0 " + query + "\nL'avis de \"Julie\" <3", first.get("text"),
                "title and description, HTML entities decoded");
        assertEquals("video", first.get("kind"));
        assertEquals("youtube", first.get("source"));
        assertEquals("Chaîne 0", first.get("author"));
        assertEquals("https://www.youtube.com/watch?v=" + query + "-0", first.get("url"));

        List<FakeYoutube.Request> sweep = youtube().requests(query);
        assertEquals(2, sweep.size(), "one request a page: " + sweep);
        assertNull(sweep.get(0).params().get("pageToken"));
        assertTrue(sweep.get(1).params().containsKey("pageToken"), "the second page followed: " + sweep.get(1));
        assertEquals(sweep.get(0).params().get("publishedAfter"), sweep.get(1).params().get("publishedAfter"));
        Instant start = Instant.parse(sweep.get(0).params().get("publishedAfter"));
        assertTrue(!start.isBefore(created.minus(Duration.ofHours(1))) && start.isBefore(created.minus(Duration.ofMinutes(59))),
                "a new source starts one overlap before its creation: " + start);
        assertTrue(sweep.stream().allMatch(r -> FakeYoutube.KEY.equals(r.key()) && "50".equals(r.params().get("maxResults"))));

        Map<String, Object> state = source(id);
        assertEquals(200, state.get("quotaUsed"));
        assertEquals(LocalDate.ofInstant(Instant.parse(state.get("lastPolledAt").toString()), PACIFIC).toString(),
                state.get("quotaDay"));
        assertEquals(17_280, state.get("pollIntervalSeconds"), "86,400 s x 100 units / 500 units a day (the test budget)");
        assertTrue(Instant.parse(state.get("nextPollAt").toString()).isAfter(clock.instant().plus(Duration.ofHours(4))),
                "the next sweep after the derived interval: " + state);

        // Resumed, the source sweeps again from the newest video seen less the overlap (here before the source's start,
        // so from its start: the cursor never goes back): every video is read again.
        given().auth().oauth2(CM).when().post(SOURCES + "/" + id + "/pause").then().statusCode(200);
        given().auth().oauth2(CM).when().post(SOURCES + "/" + id + "/resume").then().statusCode(200);
        await().atMost(Duration.ofSeconds(60)).until(() -> Integer.valueOf(400).equals(source(id).get("quotaUsed"))
                && "200: 0 new".equals(source(id).get("lastStatus")));
        List<FakeYoutube.Request> again = youtube().requests(query);
        assertEquals(4, again.size());
        assertEquals(start, Instant.parse(again.get(2).params().get("publishedAfter")));
        assertNull(again.get(2).params().get("pageToken"), "a new sweep: " + again.get(2));
        List<Map<String, Object>> stored = mentions(id);
        assertEquals(60, stored.size());
        assertEquals(60, stored.stream().map(m -> m.get("url")).collect(Collectors.toSet()).size());
    }

    @Test
    void aSweepCutMidwayGoesOnFromItsStoredPageTokenWithNoGapAndNoDuplicate() {
        String query = "lumiere-restart";
        videos(query, 70);
        youtube().failNextPages(query, 1);
        String id = add(query, FakeYoutube.KEY);

        await().atMost(Duration.ofSeconds(60)).until(() -> source(id).get("lastError") != null);
        assertEquals("YouTube answered 503 (backendError): tried again at the next poll", source(id).get("lastError"));
        assertEquals(50, mentions(id).size(), "the first page was stored with its cursor");
        List<FakeYoutube.Request> cut = youtube().requests(query);
        assertEquals(2, cut.size());
        String token = cut.get(1).params().get("pageToken");

        // Nothing of the sweep is held in memory: the next poll (here at once, on resume) reads the stored cursor.
        given().auth().oauth2(CM).when().post(SOURCES + "/" + id + "/pause").then().statusCode(200);
        given().auth().oauth2(CM).when().post(SOURCES + "/" + id + "/resume").then().statusCode(200);
        await().atMost(Duration.ofSeconds(60)).until(() -> mentions(id).size() == 70);
        List<FakeYoutube.Request> resumed = youtube().requests(query);
        assertEquals(3, resumed.size(), "the page that failed, and nothing before it, asked again: " + resumed);
        assertEquals(token, resumed.get(2).params().get("pageToken"));
        assertEquals(cut.get(0).params().get("publishedAfter"), resumed.get(2).params().get("publishedAfter"));
        assertEquals(70, mentions(id).stream().map(m -> m.get("url")).collect(Collectors.toSet()).size());
    }

    @Test
    void aSpentDailyBudgetStopsThePollsUntilThePacificMidnightCursorKept() {
        String query = "lumierebudget";
        videos(query, 260);
        String id = add(query, FakeYoutube.KEY);

        await().atMost(Duration.ofSeconds(90)).until(() -> source(id).get("lastError") != null);
        Map<String, Object> state = source(id);
        assertEquals("the daily budget of 500 quota units is spent: waits for the next quota day", state.get("lastError"));
        assertEquals(500, state.get("quotaUsed"));
        assertEquals(nextPacificMidnight(Instant.parse(state.get("lastErrorAt").toString())),
                Instant.parse(state.get("nextPollAt").toString()));
        assertEquals(5, youtube().requests(query).size(), "five searches of 100 units, the sixth never sent");
        assertEquals(250, mentionsWith(query), "the five pages read are stored");
    }

    @Test
    void googlesQuotaExceededWaitsForThePacificMidnight() {
        String query = "lumiere-quota";
        videos(query, 3);
        youtube().quotaSpent(true);
        try {
            String id = add(query, FakeYoutube.KEY);
            await().atMost(Duration.ofSeconds(60)).until(() -> source(id).get("lastError") != null);
            Map<String, Object> state = source(id);
            assertEquals("YouTube quota exceeded (quotaExceeded): waits for the next quota day", state.get("lastError"));
            assertEquals(nextPacificMidnight(Instant.parse(state.get("lastErrorAt").toString())),
                    Instant.parse(state.get("nextPollAt").toString()));
            assertEquals(100, state.get("quotaUsed"));
            assertEquals(0, mentions(id).size());
        } finally {
            youtube().quotaSpent(false);
        }
    }

    @Test
    void aRefusedKeyIsTheSourcesLastErrorAndNoKeyIsEverShownNorLogged() {
        String wrong = "AIzaWRONG-secret-key-for-tribu-tests-42";
        String query = "lumiere-key";
        videos(query, 2);
        String created = given().auth().oauth2(CM).contentType(ContentType.JSON)
                .body(Map.of("type", "youtube", "query", query, "apiKey", wrong))
                .when().post(SOURCES).then().statusCode(201).extract().asString();
        String id = io.restassured.path.json.JsonPath.from(created).getString("id");

        await().atMost(Duration.ofSeconds(60)).until(() -> source(id).get("lastError") != null);
        assertEquals("YouTube refused the API key (keyInvalid)", source(id).get("lastError"));
        assertEquals(wrong, youtube().requests(query).get(0).key(), "sent in X-Goog-Api-Key");
        assertFalse(youtube().requests(query).get(0).params().containsValue(wrong), "never in the URL");
        String listed = given().auth().oauth2(CM).when().get(SOURCES).then().statusCode(200).extract().asString();
        String one = given().auth().oauth2(CM).when().get(SOURCES + "/" + id).then().statusCode(200).extract().asString();
        for (String answer : List.of(created, listed, one)) {
            assertFalse(answer.contains(wrong) || answer.contains(FakeYoutube.KEY) || answer.contains("apiKey"), answer);
        }
        assertTrue(LOGGED.stream().anyMatch(line -> line.contains(id)), "the poll's failure was logged: " + LOGGED.size());
        assertTrue(LOGGED.stream().noneMatch(line -> line.contains(wrong) || line.contains(FakeYoutube.KEY)),
                "no API key in the logs");
    }

    /** The source's row as stored. */
    io.vertx.mutiny.sqlclient.Row row(String id) {
        return pool.preparedQuery("select api_key, api_key_sealed from source where id = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(java.util.UUID.fromString(id))).await().indefinitely()
                .iterator().next();
    }

    void store(String id, String clear, String sealed) {
        pool.preparedQuery("update source set api_key = $2, api_key_sealed = $3 where id = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(java.util.UUID.fromString(id), clear, sealed)).await().indefinitely();
    }

    String paused(String query) {
        String id = add(query, FakeYoutube.KEY);
        given().auth().oauth2(CM).when().post(SOURCES + "/" + id + "/pause").then().statusCode(200);
        return id;
    }

    @Test
    void theKeyIsSealedAtRestAndAClearOrOldKeyIsSealedWithTheActiveKey() throws Throwable {
        String query = "lumiere-sealed";
        videos(query, 2);
        String id = add(query, FakeYoutube.KEY);
        await().atMost(Duration.ofSeconds(60)).until(() -> mentions(id).size() == 2);
        assertEquals(FakeYoutube.KEY, youtube().requests(query).get(0).key(), "opened to search");
        assertNull(row(id).getString("api_key"));
        String sealed = row(id).getString("api_key_sealed");
        assertTrue(sealed.startsWith("test2:"), "sealed with the active key: " + sealed.substring(0, 6));
        assertFalse(sealed.contains(FakeYoutube.KEY));

        // A key stored in clear by the release before, and one sealed with the key that was active before test2.
        String legacy = paused("lumiere-legacy-key");
        store(legacy, FakeYoutube.KEY, null);
        String older = paused("lumiere-older-key");
        io.tribu.platform.crypto.SecretCipher previous = new io.tribu.platform.crypto.SecretCipher(
                org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("tribu.credentials.keys", String.class), "test1");
        store(older, null, previous.seal(FakeYoutube.KEY, "source:" + older + ":api-key"));
        int changed = io.quarkus.vertx.VertxContextSupport.subscribeAndAwait(apiKeys::sealAll);
        assertTrue(changed >= 2, "both rows sealed (and any other test's left over): " + changed);
        for (String moved : List.of(legacy, older)) {
            assertNull(row(moved).getString("api_key"), "the clear column nulled, not dropped");
            assertTrue(row(moved).getString("api_key_sealed").startsWith("test2:"));
            assertFalse(row(moved).getString("api_key_sealed").contains(FakeYoutube.KEY));
        }
        assertEquals(0, io.quarkus.vertx.VertxContextSupport.subscribeAndAwait(apiKeys::sealAll), "nothing left to seal");
        videos("lumiere-legacy-key", 1);
        given().auth().oauth2(CM).when().post(SOURCES + "/" + legacy + "/resume").then().statusCode(200);
        await().atMost(Duration.ofSeconds(60)).until(() -> mentions(legacy).size() == 1);
        assertEquals(FakeYoutube.KEY, youtube().requests("lumiere-legacy-key").get(0).key());

        // A sealed key copied onto another source does not open there: the source fails, nothing is sent.
        String copy = paused("lumiere-copied-key");
        store(copy, null, row(id).getString("api_key_sealed"));
        given().auth().oauth2(CM).when().post(SOURCES + "/" + copy + "/resume").then().statusCode(200);
        await().atMost(Duration.ofSeconds(60)).until(() -> source(copy).get("lastError") != null);
        assertTrue(source(copy).get("lastError").toString().contains("cannot be opened"), source(copy).toString());
        assertTrue(youtube().requests("lumiere-copied-key").isEmpty());
    }

    @Test
    void badInputIsAProblemNamingTheFieldAndNeverEchoesTheKey() {
        Map<String, Object> good = Map.of("type", "youtube", "query", "café lumière", "apiKey", FakeYoutube.KEY);
        for (Map.Entry<String, Object> change : List.<Map.Entry<String, Object>>of(
                Map.entry("query", ""), Map.entry("apiKey", "with a space-secret"), Map.entry("ownedChannel", true),
                Map.entry("pollIntervalSeconds", 60), Map.entry("query", "x".repeat(501)))) {
            Map<String, Object> body = new HashMap<>(good);
            body.put(change.getKey(), change.getValue());
            String answer = given().auth().oauth2(CM).contentType(ContentType.JSON).body(body)
                    .when().post(SOURCES)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("violations.field", hasItem(change.getKey())).extract().asString();
            assertFalse(answer.contains("space-secret") || answer.contains(FakeYoutube.KEY), answer);
        }
        Map<String, Object> keyless = new HashMap<>(good);
        keyless.remove("apiKey");
        given().auth().oauth2(CM).contentType(ContentType.JSON).body(keyless)
                .when().post(SOURCES)
                .then().statusCode(400).body("violations.field", hasItem("apiKey"));
    }

    @Test
    void anotherAgencyNeverSeesAYoutubeSource() {
        String id = add("lumiere-tenant", FakeYoutube.KEY);
        String nord = TestTokens.token("nord", "admin", "biscuits-nord");
        given().auth().oauth2(nord).when().get(SOURCES + "/" + id).then().statusCode(404);
        given().auth().oauth2(nord).when().get("/brands/biscuits-nord/sources/" + id).then().statusCode(404);
        given().auth().oauth2(nord).when().post("/brands/biscuits-nord/sources/" + id + "/pause").then().statusCode(404);
        // Same brand id in another agency's token: still not its source.
        given().auth().oauth2(TestTokens.token("nord", "admin", "cafe-lumiere")).when().get(SOURCES + "/" + id)
                .then().statusCode(404);
        assertTrue(given().auth().oauth2(nord).when().get("/brands/biscuits-nord/sources").then().statusCode(200)
                .extract().asString().contains(id) == false);
    }
}
