package io.tribu.publishing.action;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.Arc;
import io.smallrye.mutiny.Uni;
import io.tribu.platform.testing.TopicReader;
import io.tribu.publishing.outbox.EventSchemas;
import io.tribu.publishing.outbox.TickNow;
import io.tribu.publishing.poll.PollRows;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Moderation's side of an action, for the tests of every network: its requested event on the real topic, and the
 * completed event publishing answers, held to publishing's schema.
 */
public final class ActionRequests {

    static final ObjectMapper JSON = new ObjectMapper();
    public static final Duration WAIT = Duration.ofSeconds(60);

    private ActionRequests() {
    }

    /** Moderation's own example, re-addressed to this brand and interaction (by URL: no network id). */
    public static ObjectNode request(String tenant, String brand, String action, String url) throws Exception {
        ObjectNode event = (ObjectNode) JSON.readTree(Files.readString(
                Path.of("../moderation-service/src/main/resources/events/action-requested.v1.example.json")));
        event.put("id", UUID.randomUUID().toString()).put("subject", brand).put("tenant", tenant);
        ObjectNode data = (ObjectNode) event.get("data");
        data.put("actionId", UUID.randomUUID().toString()).put("brandId", brand).put("action", action).put("targetUrl", url);
        data.remove("targetExternalId");
        return event;
    }

    /** Sends the request on moderation's topic, keyed by its brand. */
    public static void send(JsonNode event) throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class)),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("tribu.moderation.actions", event.path("subject").asText(), event.toString())).get();
        }
    }

    /** The action worker's tick run now: the due actions carried out and their events relayed ({@link TickNow}). */
    public static void tickNow() {
        TickNow.run(ActionRequests::tick);
    }

    private static Uni<Void> tick() {
        return Arc.container().instance(ActionWorker.class).get().tick();
    }

    /**
     * The events answering {@code request}'s action that {@code events} reads before a marker sent after everything the
     * service stored by now ({@link PollRows#beforeMarker}); the worker's tick runs now first. Empty: no (other) outcome.
     */
    public static List<String> outcomesSoFar(TopicReader events, ObjectNode request, Clock clock) throws Exception {
        tickNow();
        String actionId = request.get("data").get("actionId").asText();
        return PollRows.beforeMarker(events, "tribu.publishing.actions", request.get("subject").asText(), clock, null).stream()
                .filter(value -> value.contains(actionId)).toList();
    }

    /**
     * Sends {@code request} again, the same action under a new event id, and waits until the intake has taken it in (its
     * count of events taken in from moderation's topic grew); then {@link #outcomesSoFar}.
     */
    public static List<String> outcomesOfSendingAgain(TopicReader events, ObjectNode request, Clock clock) throws Exception {
        request.put("id", UUID.randomUUID().toString());
        double taken = takenIn();
        send(request);
        await().atMost(WAIT).until(() -> takenIn() > taken);
        return outcomesSoFar(events, request, clock);
    }

    /** The events the intake took in from moderation's topic so far (applied or found applied before). */
    private static double takenIn() {
        return Arc.container().instance(MeterRegistry.class).get().find("tribu_intake_processed")
                .tag("topic", "tribu.moderation.actions").counters().stream().mapToDouble(Counter::count).sum();
    }

    /**
     * The data of the completed event answering the request: valid against its schema, keyed by the same brand. While
     * it waits, the action worker's tick runs now and again ({@link TickNow}) rather than at the scheduler's next look.
     */
    public static JsonNode completed(TopicReader events, ObjectNode request) throws Exception {
        return completed(events, request, true);
    }

    /** {@link #completed} waited for on the worker's schedule alone: the test that proves the scheduled tick acts. */
    public static JsonNode completedOnSchedule(TopicReader events, ObjectNode request) throws Exception {
        return completed(events, request, false);
    }

    private static JsonNode completed(TopicReader events, ObjectNode request, boolean tickNow) throws Exception {
        String actionId = request.get("data").get("actionId").asText();
        JsonNode event = JSON.readTree(TickNow.await(events, record -> record.value().contains(actionId), WAIT, tickNow ? ActionRequests::tick : null)
                .orElseThrow(() -> new AssertionError("action " + actionId + " never completed")).value());
        assertEquals(Set.of(), EventSchemas.violations("action-completed.v1", event));
        assertEquals(request.get("subject").asText(), event.get("subject").asText());
        return event.get("data");
    }
}
