package io.tribu.publishing.action;

import io.smallrye.mutiny.Uni;
import io.tribu.platform.intake.Intake;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Arrays;

/**
 * Takes moderation's requested actions in: each is stored once per action id (a redelivery, or the same
 * action sent twice, inserts nothing), then acknowledged; {@link ActionWorker} carries it out. Unreadable
 * or incomplete events are nacked to the dead-letter topic with the reason.
 */
@ApplicationScoped
public class ActionIntake {

    private static final Logger LOG = Logger.getLogger(ActionIntake.class);

    static final String INSERT = """
            insert into moderation_action (action_id, event_id, tenant, brand_id, item_id, action, network, target_url,
                   target_external_id, target_author, reply_text, visibility, requested_by, requested_at, next_attempt_at)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
            on conflict (action_id) do nothing""";

    private final Intake intake;
    private final Pool pool;
    private final Clock clock;

    public ActionIntake(Intake intake, Pool pool, Clock clock) {
        this.intake = intake;
        this.pool = pool;
        this.clock = clock;
    }

    @Incoming("moderation-actions")
    public Uni<Void> consume(Message<String> message) {
        return intake.take(message, ActionRequestedReader.class, this::store);
    }

    Uni<Void> store(ActionRequestedReader event) {
        ActionRequestedReader.Data data = event.data();
        return pool.preparedQuery(INSERT).execute(Tuple.from(Arrays.asList(data.actionId(), event.id(), event.tenant(),
                        data.brandId(), data.itemId(), data.action(), data.network(), data.targetUrl(), data.targetExternalId(),
                        data.targetAuthor(), data.replyText(), data.visibility(), data.requestedBy(),
                        data.requestedAt().atOffset(ZoneOffset.UTC), clock.instant().atOffset(ZoneOffset.UTC))))
                .invoke(rows -> {
                    if (rows.rowCount() == 0) {
                        LOG.debugf("Action %s already taken in: ignored", data.actionId());
                    }
                })
                .replaceWithVoid();
    }
}
