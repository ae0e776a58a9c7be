package io.tribu.publishing.poll;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.smallrye.mutiny.Uni;
import io.tribu.platform.testing.TestTokens;
import io.tribu.platform.testing.TopicReader;
import io.tribu.publishing.outbox.EventSchemas;
import io.tribu.publishing.outbox.TickNow;
import io.tribu.publishing.post.Drafts;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The poll rows of one polled network in the tests ({@code table}, its events on {@code topic}, checked against
 * {@code schema}): moved and read in the database, and the events read until a condition holds, never for a fixed time.
 * While it waits it runs the poller's {@code tick} itself ({@link TickNow}) rather than wait for the scheduler's next
 * look, once a second; {@link #onSchedule()} waits for the scheduled ticks alone.
 */
public record PollRows(String table, String topic, String schema, Supplier<Uni<Void>> tick) {

    public static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The same rows, waited for without running the poller's tick: what proves the poller's schedule fires. */
    public PollRows onSchedule() {
        return new PollRows(table, topic, schema, null);
    }

    /** The due channels swept and their events relayed now, as the next scheduled ticks would; nothing on schedule. */
    private void tickNow() {
        if (tick != null) {
            TickNow.run(tick);
        }
    }

    public static Connection db() throws Exception {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class), config.getValue("quarkus.datasource.password", String.class));
    }

    /** Runs {@code statement}, its one parameter the channel's id; exactly one row changes. */
    public static void sql(String statement, String channelId) throws Exception {
        try (Connection db = db(); PreparedStatement update = db.prepareStatement(statement)) {
            update.setObject(1, UUID.fromString(channelId));
            assertEquals(1, update.executeUpdate());
        }
    }

    /** The channel is due now (its next sweep), as if its interval had passed. */
    public void due(String channelId) throws Exception {
        sql("update " + table + " set next_poll_at = now() - interval '1 second' where channel_id = ?", channelId);
    }

    public Map<String, Object> row(String channelId) throws Exception {
        try (Connection db = db(); PreparedStatement query = db.prepareStatement("select * from " + table + " where channel_id = ?")) {
            query.setObject(1, UUID.fromString(channelId));
            try (ResultSet rows = query.executeQuery()) {
                Map<String, Object> row = new HashMap<>();
                if (rows.next()) {
                    for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                        Object value = rows.getObject(i) instanceof java.sql.Timestamp ? rows.getObject(i, OffsetDateTime.class) : rows.getObject(i);
                        row.put(rows.getMetaData().getColumnName(i), value);
                    }
                }
                return row;
            }
        }
    }

    public Map<String, Object> await(String channelId, Predicate<Map<String, Object>> wanted) throws Exception {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            tickNow();
            Map<String, Object> row = row(channelId);
            if (!row.isEmpty() && wanted.test(row)) {
                return row;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("poll row of " + channelId + " never as wanted: " + row(channelId));
    }

    /** The brand's next {@code count} events (fewer if they do not come within {@link #WAIT}), each checked against the schema. */
    public List<JsonNode> events(TopicReader reader, String brand, int count) throws Exception {
        List<JsonNode> found = new ArrayList<>();
        Instant deadline = Instant.now().plus(WAIT);
        while (found.size() < count && Instant.now().isBefore(deadline)) {
            var record = TickNow.await(reader, r -> brand.equals(r.key()), Duration.between(Instant.now(), deadline), tick);
            if (record.isEmpty()) {
                break;
            }
            found.add(checked(record.get()));
        }
        return found;
    }

    /**
     * Nothing more comes for the brand: once every poll row of the brand rests (no lease, not due at the service's
     * now) and the outbox holds none of its events, a marker is sent after them on the brand's partition; every event
     * of the brand read before the marker is one too many.
     */
    public void nothingMore(TopicReader reader, String brand, Clock clock) throws Exception {
        Instant deadline = Instant.now().plus(WAIT);
        tickNow();
        while (!resting(brand, clock)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the polls of brand " + brand + " never came to rest");
            }
            Thread.sleep(100);
            tickNow();
        }
        assertEquals(List.of(), beforeMarker(reader, topic, brand, clock, tick), "no duplicate, nothing else");
    }

    /**
     * The events keyed {@code key} that {@code reader} reads before a marker this call sends through the outbox on
     * {@code topic} with that key: whatever the service stored for it before the call is relayed before the marker (one
     * topic and key, one partition, in order), so an empty answer means nothing was. While it waits, {@code tick} (if
     * any) runs now and again ({@link TickNow}).
     */
    public static List<String> beforeMarker(TopicReader reader, String topic, String key, Clock clock, Supplier<Uni<Void>> tick)
            throws Exception {
        String marker = "{\"marker\":\"" + UUID.randomUUID() + "\"}";
        Instant deadline = Instant.now().plus(WAIT);
        try (Connection db = db(); PreparedStatement insert = db.prepareStatement(
                "insert into outbox_event (id, topic, message_key, payload, created_at) values (?, ?, ?, ?, ?)")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, topic);
            insert.setString(3, key);
            insert.setString(4, marker);
            insert.setObject(5, clock.instant().atOffset(ZoneOffset.UTC));
            insert.executeUpdate();
        }
        List<String> before = new ArrayList<>();
        while (true) {
            ConsumerRecord<String, String> record = TickNow.await(reader, r -> key.equals(r.key()), Duration.between(Instant.now(), deadline), tick)
                    .orElseThrow(() -> new AssertionError("the marker never came; before it: " + before));
            if (record.value().equals(marker)) {
                return before;
            }
            before.add(record.value());
        }
    }

    /**
     * New credentials heal a failing channel: once saved ({@code channel}, the body of the channel's PUT), the channel
     * is polled again and announces the brand's next event, and its view shows it connected, its poll's error and
     * failing time gone. Returns that event.
     */
    public JsonNode healedBy(TopicReader reader, String tenant, String brand, String channelId, Map<String, ?> channel) throws Exception {
        given().auth().oauth2(TestTokens.token(tenant, "community-manager", brand)).contentType(ContentType.JSON).body(channel)
                .when().put("/brands/" + brand + "/channels/" + channelId).then().statusCode(200);
        due(channelId);
        List<JsonNode> polled = events(reader, brand, 1);
        assertEquals(1, polled.size(), "polled again with the new credentials");
        var healed = given().auth().oauth2(TestTokens.token(tenant, "community-manager", brand))
                .when().get("/brands/" + brand + "/channels/" + channelId).then().statusCode(200).extract().jsonPath();
        assertEquals("connected", healed.getString("state"));
        assertNull(healed.get("polling.lastError"));
        assertNull(healed.get("polling.failingSince"));
        return polled.get(0);
    }

    /** A network's fake as the cursor scenario drives it: items listed newest first, two to a page. */
    public interface Listed {
        /** Adds {@code count} items to a new account of the fake; returns their ids. */
        Set<String> add(int count);

        /** Connects that account to the brand; returns the channel's id in Tribu. */
        String connect(String brand);

        /** The next list call asking for the page that starts at item {@code offset} fails (503). */
        void failPage(int offset);

        String pageToken(int offset);

        /** The page tokens the account's list calls asked for in order ("-": the first page). */
        List<String> pageTokens();

        /** The network's id of the item an event announces. */
        String id(JsonNode event);
    }

    /**
     * Five items, the second page's call failing once: the first sweep stores the first page (its events and the
     * cursor at the page that failed); the next sweep, whoever runs it, goes on at that page, never from the start;
     * every item is announced once.
     */
    public void resumesAtThePageNotStored(Listed fake, Clock clock) throws Exception {
        String brand = Drafts.freshBrand();
        Set<String> all = fake.add(5);
        fake.failPage(2);
        try (TopicReader reader = new TopicReader(topic)) {
            String channelId = fake.connect(brand);
            List<JsonNode> firstPage = events(reader, brand, 2);
            nothingMore(reader, brand, clock);
            assertEquals(2, firstPage.size(), "the first page is stored with its events");
            Map<String, Object> poll = row(channelId);
            assertEquals(fake.pageToken(2), poll.get("page_token"), "the cursor is the first page not stored");
            assertTrue(String.valueOf(poll.get("last_error")).contains("503"), String.valueOf(poll.get("last_error")));
            assertNull(poll.get("lease_owner"));

            // Whoever takes the channel next (another replica, this one restarted) reads from the cursor on.
            due(channelId);
            List<JsonNode> both = new ArrayList<>(firstPage);
            both.addAll(events(reader, brand, 3));
            nothingMore(reader, brand, clock);
            assertEquals(all, both.stream().map(fake::id).collect(Collectors.toSet()));
            assertEquals(5, both.size(), "each item once");
            assertEquals(List.of("-", fake.pageToken(2), fake.pageToken(2), fake.pageToken(4)), fake.pageTokens(),
                    "the sweep went on at the page that failed, never from the start");
            assertNull(row(channelId).get("page_token"), "sweep complete");
        }
    }

    private boolean resting(String brand, Clock clock) throws Exception {
        try (Connection db = db(); PreparedStatement query = db.prepareStatement("select "
                + "(select count(*) from " + table + " where brand_id = ? and (lease_owner is not null or next_poll_at <= ?)) "
                + "+ (select count(*) from outbox_event where message_key = ?)")) {
            query.setString(1, brand);
            query.setObject(2, clock.instant().atOffset(ZoneOffset.UTC));
            query.setString(3, brand);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1) == 0;
            }
        }
    }

    private JsonNode checked(ConsumerRecord<String, String> record) throws Exception {
        JsonNode event = JSON.readTree(record.value());
        assertEquals(Set.of(), EventSchemas.violations(schema, event));
        return event;
    }
}
