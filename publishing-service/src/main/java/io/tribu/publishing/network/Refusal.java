package io.tribu.publishing.network;

/**
 * Ends a chain of calls early with the outcome to report (a refusal, a rate limit, "already done"):
 * thrown inside a step, turned back into its outcome at the end of the chain by {@link #recover}.
 */
final class Refusal extends RuntimeException {

    final transient Outcome outcome;

    Refusal(Outcome outcome) {
        super(null, null, false, false);
        this.outcome = outcome;
    }

    /** The outcome a chain ended with: a Refusal's own, else the network could not be reached. */
    static Outcome recover(Throwable failure) {
        return failure instanceof Refusal refusal ? refusal.outcome : NetworkHttp.unreachable(failure);
    }
}
