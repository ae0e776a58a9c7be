package io.tribu.moderation.link;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.tribu.platform.testing.TestTokens;
import io.tribu.moderation.outbox.TestEvents;
import io.tribu.platform.testing.TopicReader;
import io.tribu.moderation.webhook.MetaDeliveries;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Instagram comments arrive without a link: moderation asks publishing for it on the real broker, and applies
 * publishing's answer (sent here as publishing would) once, only to the item it names, never over a link it has.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class LinkTest {

    static final String ACCOUNT = "17841400000000000";
    static final ObjectMapper JSON = new ObjectMapper();
    static TestEvents events;

    @BeforeAll
    static void connect() {
        events = new TestEvents();
    }

    @AfterAll
    static void disconnect() {
        events.close();
    }

    static String comment(String commentId, String mediaId) {
        return "{\"object\":\"instagram\",\"entry\":[{\"id\":\"" + ACCOUNT + "\",\"time\":1763750700,\"changes\":[{\"field\":"
                + "\"comments\",\"value\":{\"from\":{\"id\":\"232323232\",\"username\":\"lea.velo\"},\"media\":{\"id\":\""
                + mediaId + "\",\"media_product_type\":\"FEED\"},\"id\":\"" + commentId + "\",\"text\":\"Vous livrez à Lyon ?\"}}]}]}";
    }

    /** tribu.publishing.link.resolved.v1 as agreed with publishing (its producer). */
    static String resolved(UUID eventId, String tenant, JsonNode request, String url) {
        ObjectNode event = JSON.createObjectNode();
        event.put("specversion", "1.0").put("id", eventId.toString()).put("source", "/tribu/publishing")
                .put("type", "tribu.publishing.link.resolved.v1").put("subject", request.at("/data/brandId").asText())
                .put("time", "2026-11-22T09:14:05Z").put("datacontenttype", "application/json").put("tenant", tenant);
        ObjectNode data = event.putObject("data");
        data.put("requestId", request.at("/data/requestId").asText()).put("itemId", request.at("/data/itemId").asText())
                .put("brandId", request.at("/data/brandId").asText()).put("network", "instagram")
                .put("mediaId", request.at("/data/mediaId").asText()).put("commentId", request.at("/data/commentId").asText())
                .put("resolvedAt", "2026-11-22T09:14:05Z");
        if (url == null) {
            data.putNull("url").putNull("mediaUrl").putObject("failure").put("reason", "the comment no longer exists");
        } else {
            data.put("url", url).put("mediaUrl", "https://www.instagram.com/p/DAbCdEf/").putNull("failure");
        }
        return event.toString();
    }

    static String url(String token, String brand, String itemId) {
        return given().auth().oauth2(token).when().get("/brands/" + brand + "/inbox/" + itemId)
                .then().statusCode(200).extract().path("url");
    }

    static JsonNode requestFor(TopicReader links, String commentId) throws Exception {
        ConsumerRecord<String, String> record = links.await(r -> r.value().contains("\"commentId\":\"" + commentId + "\""),
                Duration.ofSeconds(30)).orElseThrow(() -> new AssertionError("no link request for comment " + commentId));
        return JSON.readTree(record.value());
    }

    @Test
    void anInstagramCommentsLinkIsAskedOnceAndPublishingsAnswerSetsIt() throws Exception {
        String brand = "brand-" + UUID.randomUUID().toString().substring(0, 8);
        String admin = TestTokens.token("soleil", "admin", brand);
        String path = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("network", "instagram", "accountId", ACCOUNT, "appSecret", MetaDeliveries.APP_SECRET))
                .when().post("/brands/" + brand + "/webhook-channels").then().statusCode(201).extract().path("callbackPath");
        String first = "178657993480" + (System.nanoTime() % 100000);
        String second = first + "1";

        try (TopicReader links = new TopicReader("tribu.moderation.links")) {
            byte[] delivery = comment(first, "17900000000000000").getBytes(StandardCharsets.UTF_8);
            MetaDeliveries.deliver(path, delivery).then().statusCode(200);
            MetaDeliveries.deliver(path, delivery).then().statusCode(200); // Meta retries: nothing more is asked
            MetaDeliveries.deliver(path, comment(second, "17900000000000001").getBytes(StandardCharsets.UTF_8))
                    .then().statusCode(200);

            JsonNode request = requestFor(links, first);
            // Same key, same partition: any second request about the first comment was read before this one.
            JsonNode secondRequest = requestFor(links, second);
            assertTrue(links.await(r -> r.value().contains("\"commentId\":\"" + first + "\""), Duration.ZERO).isEmpty(),
                    "one request per item, however often Meta delivers the comment");
            assertEquals(brand, request.get("subject").asText());
            try (InputStream schema = getClass().getResourceAsStream("/events/link-requested.v1.schema.json")) {
                var violations = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema).validate(request);
                assertTrue(violations.isEmpty(), () -> "link request off its schema: " + violations);
            }
            assertEquals("tribu.moderation.link.requested.v1", request.get("type").asText());
            assertEquals("soleil", request.get("tenant").asText());
            assertEquals(ACCOUNT, request.at("/data/accountId").asText());
            assertEquals("17900000000000000", request.at("/data/mediaId").asText());
            assertEquals("instagram", request.at("/data/network").asText());
            String itemId = request.at("/data/itemId").asText();
            assertNull(url(admin, brand, itemId));

            // Another agency's answer naming this item changes nothing; publishing's answer sets the link, once.
            events.send("tribu.publishing.links", brand, resolved(UUID.randomUUID(), "nord", request,
                    "https://www.instagram.com/p/NORD/c/" + first + "/"));
            UUID answer = UUID.randomUUID();
            String link = "https://www.instagram.com/p/DAbCdEf/c/" + first + "/";
            events.send("tribu.publishing.links", brand, resolved(answer, "soleil", request, link));
            await().atMost(Duration.ofSeconds(30)).until(() -> link.equals(url(admin, brand, itemId)));
            // A later answer (another event) does not replace the link the item has.
            events.send("tribu.publishing.links", brand, resolved(UUID.randomUUID(), "soleil", request,
                    "https://www.instagram.com/p/OTHER/"));

            // A failure leaves the second item without a link; an unknown item is a no-op, an unreadable answer
            // goes to the dead-letter topic and the partition moves on.
            events.send("tribu.publishing.links", brand, resolved(UUID.randomUUID(), "soleil", secondRequest, null));
            ObjectNode unknown = (ObjectNode) JSON.readTree(resolved(UUID.randomUUID(), "soleil", request, link));
            ((ObjectNode) unknown.get("data")).put("itemId", UUID.randomUUID().toString());
            events.send("tribu.publishing.links", brand, unknown.toString());
            try (TopicReader dlq = new TopicReader("tribu.moderation.links.dlq")) {
                events.send("tribu.publishing.links", brand, "{\"type\":\"tribu.publishing.link.resolved.v1\"");
                dlq.await(r -> r.value().contains("link.resolved"), Duration.ofSeconds(30))
                        .orElseThrow(() -> new AssertionError("the unreadable answer is not on the dead-letter topic"));
            }
            String secondItem = secondRequest.at("/data/itemId").asText();
            ObjectNode late = (ObjectNode) JSON.readTree(resolved(UUID.randomUUID(), "soleil", secondRequest,
                    "https://www.instagram.com/p/DAbCdEg/c/" + second + "/"));
            events.send("tribu.publishing.links", brand, late.toString());
            await().atMost(Duration.ofSeconds(30)).until(() -> url(admin, brand, secondItem) != null);
            // Everything before the last answer on the partition was applied by now.
            assertEquals(link, url(admin, brand, itemId));
            // The platform's intake counts both ways out, per topic.
            given().when().get("/q/metrics").then().statusCode(200)
                    .body(containsString("tribu_intake_processed_total{application=\"moderation-service\",topic=\"tribu.publishing.links\"}"))
                    .body(containsString("tribu_intake_dead_lettered_total{application=\"moderation-service\",topic=\"tribu.publishing.links\"}"));
        }
    }
}
