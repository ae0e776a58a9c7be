package io.tribu.publishing.delivery;

import io.tribu.publishing.config.PublishingConfig;
import io.tribu.publishing.network.Outcome;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;

/**
 * Whether and when a write the network did not take is tried again; deliveries and moderation actions
 * share it (settings {@code tribu.delivery.max-attempts}, {@code backoff-base}, {@code backoff-cap}).
 */
@ApplicationScoped
public class Retries {

    private final int maxAttempts;
    private final Backoff backoff;

    public Retries(PublishingConfig config) {
        this.maxAttempts = config.delivery().maxAttempts();
        this.backoff = new Backoff(config.delivery().backoffBase(), config.delivery().backoffCap());
    }

    /** A retryable answer after {@code attempts} calls, this one included, with attempts left. */
    public boolean again(Outcome outcome, int attempts) {
        return outcome instanceof Outcome.Retry && attempts < maxAttempts;
    }

    /** When to call again after a retryable answer received at {@code answeredAt}. */
    public Instant next(Instant answeredAt, int attempts, Outcome.Retry retry) {
        return answeredAt.plus(backoff.after(attempts, retry.after()));
    }

    /** Why a write that ends with this outcome failed, as users read it. */
    public String failureReason(Outcome outcome) {
        if (outcome instanceof Outcome.Permanent permanent) {
            return permanent.reason();
        }
        if (outcome instanceof Outcome.AuthExpired expired) {
            return "the network refused the channel's token (" + expired.reason() + "); reconnect the channel";
        }
        if (outcome instanceof Outcome.Retry retry) {
            return "gave up after " + maxAttempts + " attempts: " + retry.reason();
        }
        return outcome.toString();
    }
}
