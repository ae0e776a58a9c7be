package io.tribu.publishing.network;

import java.time.Duration;

/** What a network answered to a write, reduced to what delivery decides on. */
public sealed interface Outcome {

    /** The post exists on the network (first time, or found again under the same idempotency key). */
    record Published(String externalId, String url) implements Outcome {
    }

    /** Try again later: 429 or 5xx or a network error; {@code after} is the network's Retry-After, null if it gave none. */
    record Retry(Duration after, String reason) implements Outcome {
    }

    /** The token was refused (401): the channel needs new credentials; retrying will not help. */
    record AuthExpired(String reason) implements Outcome {
    }

    /** The network refused the content itself (422, 400): the reason is shown to the user. */
    record Permanent(String reason) implements Outcome {
    }
}
