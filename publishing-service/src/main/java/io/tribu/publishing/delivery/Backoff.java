package io.tribu.publishing.delivery;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to try again: the network's Retry-After when it gave one, else base * 2^(attempt-1) capped,
 * each with up to 20 % added jitter so that replicas and deliveries do not retry in lockstep.
 */
record Backoff(Duration base, Duration cap) {

    Duration after(int attempt, Duration retryAfter) {
        Duration wait = retryAfter != null ? retryAfter
                : base.multipliedBy(1L << Math.min(20, Math.max(0, attempt - 1)));
        if (retryAfter == null && wait.compareTo(cap) > 0) {
            wait = cap;
        }
        long jitterMillis = (long) (wait.toMillis() * 0.2 * ThreadLocalRandom.current().nextDouble());
        return wait.plusMillis(jitterMillis);
    }
}
