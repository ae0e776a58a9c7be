package io.tribu.platform.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A consumer as the services write one, through {@link Intake#takeOnce}. Its acknowledgement first looks, from
 * another connection, at what the event's transaction committed: the test sees what was stored when each event was
 * acknowledged.
 */
@ApplicationScoped
public class NotesConsumer {

    /** Rows of the event committed when it was acknowledged: its effects and its processed_event row. */
    public record AtAck(long effects, long processed) {
    }

    private final Intake intake;
    private final Pool pool;
    private final ObjectMapper json;
    private final Map<UUID, AtAck> acknowledged = new ConcurrentHashMap<>();

    public NotesConsumer(Intake intake, Pool pool, ObjectMapper json) {
        this.intake = intake;
        this.pool = pool;
        this.json = json;
    }

    @Incoming("intake-test")
    public Uni<Void> consume(Message<String> message) {
        return intake.takeOnce(message.withAck(() -> lookThenAck(message)), NoteWritten.class, this::write);
    }

    private Uni<IntakeEffect> write(NoteWritten event) {
        IntakeEffect effect = new IntakeEffect();
        effect.eventId = event.id();
        effect.note = event.data().failing() ? null : event.data().note();
        return effect.persist();
    }

    private CompletionStage<Void> lookThenAck(Message<String> message) {
        UUID id;
        try {
            id = UUID.fromString(json.readTree(message.getPayload()).path("id").asText());
        } catch (Exception e) {
            throw new IllegalStateException("acknowledged an unreadable event", e);
        }
        return pool.preparedQuery("""
                        select (select count(*) from intake_effect where event_id = $1) as effects,
                               (select count(*) from processed_event where event_id = $1) as processed""")
                .execute(Tuple.of(id))
                .invoke(rows -> {
                    Row row = rows.iterator().next();
                    acknowledged.merge(id, new AtAck(row.getLong("effects"), row.getLong("processed")),
                            (first, again) -> again);
                })
                .subscribeAsCompletionStage()
                .thenCompose(rows -> message.ack());
    }

    public AtAck atAck(UUID event) {
        return acknowledged.get(event);
    }
}
