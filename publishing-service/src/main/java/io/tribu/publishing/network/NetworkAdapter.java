package io.tribu.publishing.network;

import io.smallrye.mutiny.Uni;

/**
 * One network's API behind the operations delivery needs. Every publish carries a deterministic
 * idempotency key (the delivery id): calling publish again with the same key after a crash must not
 * create a second post, but answer {@link Outcome.Published} with the existing one. Each adapter
 * documents how its network makes that true.
 */
public interface NetworkAdapter {

    Network network();

    Uni<Outcome> publish(Account account, String text, String idempotencyKey);

    Uni<Engagement> engagement(Account account, String externalId);
}
