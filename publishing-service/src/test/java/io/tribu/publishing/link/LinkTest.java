package io.tribu.publishing.link;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.arc.Arc;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.smallrye.mutiny.Uni;
import io.tribu.platform.testing.TestTokens;
import io.tribu.publishing.network.fake.FakeGraph;
import io.tribu.publishing.outbox.EventSchemas;
import io.tribu.publishing.outbox.TickNow;
import io.tribu.platform.testing.TopicReader;
import io.tribu.publishing.post.Drafts;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 19: moderation asks for an Instagram comment's address, publishing answers with the channel's token. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class LinkTest {

    static final FakeGraph GRAPH = FakeGraph.forTheService();
    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration WAIT = Duration.ofSeconds(60);

    @AfterAll
    static void stop() {
        GRAPH.close();
    }

    static String brandWithInstagram() {
        String brand = Drafts.freshBrand();
        given().auth().oauth2(TestTokens.token("soleil", "community-manager", brand)).contentType(ContentType.JSON)
                .body(Map.of("network", "instagram", "handle", FakeGraph.IG_USER, "credentials", Map.of("accessToken", FakeGraph.TOKEN)))
                .when().post("/brands/" + brand + "/channels").then().statusCode(201);
        return brand;
    }

    /** A request as moderation sends it (the contract agreed for tribu.moderation.link.requested.v1). */
    static ObjectNode request(String tenant, String brand, String account, String media, String comment) {
        ObjectNode event = JSON.createObjectNode().put("specversion", "1.0").put("id", UUID.randomUUID().toString())
                .put("source", "/tribu/moderation").put("type", "tribu.moderation.link.requested.v1").put("subject", brand)
                .put("time", Instant.now().toString()).put("datacontenttype", "application/json").put("tenant", tenant);
        event.putObject("data").put("requestId", UUID.randomUUID().toString()).put("itemId", UUID.randomUUID().toString())
                .put("brandId", brand).put("network", "instagram").put("accountId", account).put("mediaId", media)
                .put("commentId", comment);
        return event;
    }

    static void send(JsonNode event) throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class)),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("tribu.moderation.links", event.path("subject").asText(), event.toString())).get();
        }
    }

    /** The answer to the request, the link worker's tick run now and again meanwhile ({@link TickNow}). */
    static JsonNode resolved(TopicReader answers, JsonNode request) throws Exception {
        return resolved(answers, request, () -> Arc.container().instance(LinkWorker.class).get().tick());
    }

    /** The answer to the request, waited for on the worker's schedule alone: the test that proves the scheduled tick answers. */
    static JsonNode resolvedOnSchedule(TopicReader answers, JsonNode request) throws Exception {
        return resolved(answers, request, null);
    }

    private static JsonNode resolved(TopicReader answers, JsonNode request, Supplier<Uni<Void>> tick) throws Exception {
        String requestId = request.get("data").get("requestId").asText();
        JsonNode event = JSON.readTree(TickNow.await(answers, record -> record.value().contains(requestId), WAIT, tick).orElseThrow().value());
        assertEquals(Set.of(), EventSchemas.violations("link-resolved.v1", event));
        assertEquals(request.get("subject").asText(), event.get("subject").asText());
        assertEquals(request.get("tenant").asText(), event.get("tenant").asText());
        return event.get("data");
    }

    @Test
    void aCommentGetsTheMediaPermalinkWithItsIdReadOncePerMediaAndARepeatedRequestTheSameAnswer() throws Exception {
        String brand = brandWithInstagram();
        String media = GRAPH.instagramMedia("DCx7aQkNq2R");
        try (TopicReader answers = new TopicReader("tribu.publishing.links")) {
            ObjectNode first = request("soleil", brand, FakeGraph.IG_USER, media, "17858893269000001");
            send(first);
            JsonNode answer = resolved(answers, first);
            assertEquals("https://www.instagram.com/p/DCx7aQkNq2R/c/17858893269000001/", answer.get("url").asText());
            assertEquals("https://www.instagram.com/p/DCx7aQkNq2R/", answer.get("mediaUrl").asText());
            assertTrue(answer.get("failure").isNull());
            assertEquals(first.get("data").get("itemId"), answer.get("itemId"));
            assertEquals(media, answer.get("mediaId").asText());

            ObjectNode second = request("soleil", brand, FakeGraph.IG_USER, media, "17858893269000002");
            send(second);
            assertEquals("https://www.instagram.com/p/DCx7aQkNq2R/c/17858893269000002/", resolved(answers, second).get("url").asText());
            assertEquals(1, GRAPH.permalinkReads(media), "the permalink is read once per media");

            // Moderation asks again with the same request id (a new event id): the same answer, no new read.
            first.put("id", UUID.randomUUID().toString());
            send(first);
            JsonNode again = resolved(answers, first);
            assertEquals(answer, again);
            assertEquals(1, GRAPH.permalinkReads(media));
        }
    }

    @Test
    void aRateLimitedReadIsAnsweredAfterTheNetworksRetryAfter() throws Exception {
        String brand = brandWithInstagram();
        String media = GRAPH.instagramMedia("DCy1bRlOr3S");
        try (TopicReader answers = new TopicReader("tribu.publishing.links")) {
            GRAPH.rateLimitNextPermalinkReads(1);
            ObjectNode request = request("soleil", brand, FakeGraph.IG_USER, media, "17858893269000003");
            send(request);
            JsonNode answer = resolved(answers, request);
            assertEquals("https://www.instagram.com/p/DCy1bRlOr3S/c/17858893269000003/", answer.get("url").asText());
            assertEquals(2, GRAPH.permalinkReads(media), "refused once with 429, read again after Retry-After");
            assertEquals(2, attempts(request));
        }
    }

    @Test
    void withoutTheAccountsChannelInTheRequestsAgencyTheAnswerIsNoChannel() throws Exception {
        String brand = brandWithInstagram();
        String media = GRAPH.instagramMedia("DCz2cSmPs4T");
        try (TopicReader answers = new TopicReader("tribu.publishing.links")) {
            ObjectNode unknown = request("soleil", brand, "17841499999999999", media, "1");
            send(unknown);
            // Waited for on the worker's schedule alone: the test that proves the scheduled tick answers.
            JsonNode answer = resolvedOnSchedule(answers, unknown);
            assertTrue(answer.get("url").isNull());
            assertTrue(answer.get("mediaUrl").isNull());
            assertEquals("no-channel", answer.get("failure").get("reason").asText());

            // Another agency naming the same brand id and account: soleil's channel is never used for it.
            ObjectNode foreign = request("lune", brand, FakeGraph.IG_USER, media, "2");
            send(foreign);
            assertEquals("no-channel", resolved(answers, foreign).get("failure").get("reason").asText());
            assertEquals(0, GRAPH.permalinkReads(media));
        }
    }

    @Test
    void anIncompleteRequestGoesToTheDeadLetterTopicAndIsNotStored() throws Exception {
        ObjectNode request = request("soleil", Drafts.freshBrand(), FakeGraph.IG_USER, "1", "2");
        ((ObjectNode) request.get("data")).remove("mediaId");
        try (TopicReader dlq = new TopicReader("tribu.publishing.links.dlq")) {
            send(request);
            String requestId = request.get("data").get("requestId").asText();
            assertTrue(dlq.await(record -> record.value().contains(requestId), WAIT).isPresent());
        }
        assertEquals(-1, attempts(request));
    }

    /** The request's attempts, -1 when it was never stored. */
    private static int attempts(JsonNode request) throws Exception {
        var config = ConfigProvider.getConfig();
        try (Connection db = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class), config.getValue("quarkus.datasource.password", String.class));
             PreparedStatement query = db.prepareStatement("select attempts from link_request where request_id = ?")) {
            query.setObject(1, UUID.fromString(request.get("data").get("requestId").asText()));
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getInt(1) : -1;
            }
        }
    }
}
