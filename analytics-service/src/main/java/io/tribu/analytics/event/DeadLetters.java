package io.tribu.analytics.event;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;

/**
 * Events a consumer cannot read, sent as they came to {@code tribu.analytics.<channel>.dlq} with the reason
 * and origin in the same headers as SmallRye's dead-letter strategy. Sent by the intake itself because a
 * batch is acknowledged as a whole: the poison record must be safe on its topic before that.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    private final MutinyEmitter<String> emitter;

    public DeadLetters(@Channel("dead-letters") MutinyEmitter<String> emitter) {
        this.emitter = emitter;
    }

    /** Completes once the broker has the record. */
    public Uni<Void> send(KafkaRecord<String, String> record, String reason) {
        IncomingKafkaRecordMetadata<?, ?> origin = record.getMetadata(IncomingKafkaRecordMetadata.class).orElseThrow();
        String topic = "tribu.analytics." + origin.getChannel() + ".dlq";
        LOG.warnf("Event sent to %s: %s", topic, reason);
        return emitter.sendMessage(Message.of(record.getPayload()).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(topic)
                .withKey(record.getKey())
                .addHeaders(header("dead-letter-reason", reason), header("dead-letter-topic", record.getTopic()),
                        header("dead-letter-partition", Integer.toString(record.getPartition())),
                        header("dead-letter-offset", Long.toString(origin.getOffset())))
                .build()));
    }

    private static RecordHeader header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
