package io.tribu.publishing.delivery;

import io.tribu.publishing.post.MediaUrls;
import io.vertx.mutiny.sqlclient.Row;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A delivery this worker holds the lease of, with what the call needs (the channel's sealed credentials
 * included, so no lookup stands between the due instant and the call). {@code fireAt} is the instant
 * the network may be called, not before; {@code attempts} counts calls made, this one included once
 * the intent is recorded; {@code reconciling}: an earlier holder recorded an intent and stopped, so
 * the network may already have the post.
 */
record Leased(UUID id, String tenant, String brandId, UUID postId, UUID channelId, String network, String text,
              List<String> media, Instant dueAt, Instant fireAt, int attempts, boolean reconciling,
              String baseUrl, String handle, String sealedCredentials) {

    static Leased of(Row row) {
        return new Leased(row.getUUID("id"), row.getString("tenant"), row.getString("brand_id"),
                row.getUUID("post_id"), row.getUUID("channel_id"), row.getString("network"), row.getString("text"),
                MediaUrls.read(row.getString("media")), row.getOffsetDateTime("due_at").toInstant(),
                row.getOffsetDateTime("next_attempt_at").toInstant(), row.getInteger("attempts"),
                row.getBoolean("reconciling"), row.getString("base_url"), row.getString("handle"),
                row.getString("credentials"));
    }

    Leased withAttempts(int made) {
        return new Leased(id, tenant, brandId, postId, channelId, network, text, media, dueAt, fireAt, made, reconciling,
                baseUrl, handle, sealedCredentials);
    }

    /**
     * Whether an earlier attempt may have reached the network: a crash mid-call, but also a timeout or a
     * 5xx answered after the network did write. Networks without an idempotency key then look first.
     */
    boolean mayExist() {
        return reconciling || attempts > 1;
    }

    @Override
    public String toString() {
        return "Leased[" + id + ", " + network + ", fire at " + fireAt + ", attempts " + attempts + "]";
    }
}
