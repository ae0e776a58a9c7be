package io.tribu.publishing.channel;

import java.time.Duration;
import java.time.Instant;

/** Whether a channel still works, as the console shows it; see {@link #of}. */
public enum ChannelState {
    CONNECTED("connected"), EXPIRING("expiring"), FAILING("failing"), DISCONNECTED("disconnected");

    private final String wire;

    ChannelState(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /**
     * {@code disconnected}: the token's expiry has passed and nothing can renew it (no refresh token), or the
     * channel has no credentials; {@code failing}: the last delivery or action failed because the network refused
     * the token, and nothing succeeded and no new credentials came since, or (YouTube) the last comment poll stopped
     * because Google refused the token and it could not be renewed, with no new credentials since; {@code expiring}: a token that cannot be
     * refreshed expires within {@code window}; else {@code connected}. A refreshable token (X, LinkedIn) is renewed
     * on its first 401, so its short expiry alone says nothing.
     */
    static ChannelState of(Instant now, Duration window, boolean hasCredentials, boolean refreshable, Instant tokenExpiresAt,
                           Instant credentialsAt, ChannelHealth.Outcomes outcomes) {
        boolean expiryCounts = tokenExpiresAt != null && !refreshable;
        if (!hasCredentials || expiryCounts && !tokenExpiresAt.isAfter(now)) {
            return DISCONNECTED;
        }
        ChannelHealth.LastFailure failure = outcomes.lastFailure();
        if (failure != null && failure.auth()
                && (outcomes.lastSuccessAt() == null || outcomes.lastSuccessAt().isBefore(failure.at()))
                && (credentialsAt == null || credentialsAt.isBefore(failure.at()))) {
            return FAILING;
        }
        ChannelHealth.Polling polling = outcomes.polling();
        if (polling != null && polling.auth() && polling.lastErrorAt() != null
                && (credentialsAt == null || credentialsAt.isBefore(polling.lastErrorAt()))) {
            return FAILING;
        }
        if (expiryCounts && tokenExpiresAt.isBefore(now.plus(window))) {
            return EXPIRING;
        }
        return CONNECTED;
    }
}
