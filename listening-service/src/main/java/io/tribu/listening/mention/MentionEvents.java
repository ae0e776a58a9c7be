package io.tribu.listening.mention;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tribu.platform.outbox.CloudEvent;
import io.tribu.platform.outbox.CurrentTrace;
import io.tribu.platform.config.PlatformConfig;
import io.tribu.listening.config.ListeningConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The {@code mention.recorded} events of the Kafka ingest, sent in its Kafka transaction rather than through the
 * outbox: the same CloudEvent, key (the brand) and headers as the outbox relay sends, under an id derived from the
 * mention's, so a batch announced again after an aborted transaction carries the ids of the first attempt.
 */
@ApplicationScoped
public class MentionEvents {

    private static final byte[] CLOUDEVENTS_JSON = "application/cloudevents+json".getBytes(StandardCharsets.UTF_8);

    private final ObjectMapper json;
    private final CurrentTrace trace;
    private final String source;
    private final String topic;

    public MentionEvents(ObjectMapper json, CurrentTrace trace, PlatformConfig platform, ListeningConfig config) {
        this.json = json;
        this.trace = trace;
        this.source = platform.outbox().source();
        this.topic = config.topics().mentions();
    }

    /** The event id of a mention's {@code mention.recorded}: the same for every attempt that announces it. */
    public static UUID recordedEventId(UUID mentionId) {
        return UUID.nameUUIDFromBytes((MentionRecorded.TYPE + "\n" + mentionId).getBytes(StandardCharsets.UTF_8));
    }

    /** The stored mention's {@code mention.recorded} event, timed at its reception, for the mentions topic. */
    public ProducerRecord<String, String> recorded(IngestedMentions.Stored stored) {
        Mention mention = stored.mention();
        String traceparent = trace.traceparent().orElse(null);
        CloudEvent<Object> envelope = new CloudEvent<>(CloudEvent.SPEC_VERSION, recordedEventId(mention.id), source,
                MentionRecorded.TYPE, mention.brandId, mention.receivedAt, "application/json", mention.tenant,
                traceparent, MentionRecorded.of(mention, stored.matches()));
        RecordHeaders headers = new RecordHeaders();
        headers.add("content-type", CLOUDEVENTS_JSON);
        if (traceparent != null) {
            headers.add("ce_traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
        }
        try {
            return new ProducerRecord<>(topic, null, mention.brandId, json.writeValueAsString(envelope), headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Event " + MentionRecorded.TYPE + " cannot be written as JSON", e);
        }
    }
}
