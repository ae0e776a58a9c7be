package io.tribu.publishing.poll;

import io.smallrye.mutiny.Uni;
import io.tribu.publishing.channel.ChannelCredentials;
import io.tribu.publishing.channel.TokenRefresh;
import io.tribu.publishing.network.Account;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * A poller's read that survives an expired token, the same for every polled network: when the network refuses the
 * token, it is renewed once with the channel's refresh token (sealed again into the channel row, {@link TokenRefresh})
 * and the call made again; a token refused and not renewed, or refused again after renewal, stops the channel as an
 * auth failure until {@code retryAt} (the channel's state shows it until it gets new credentials).
 *
 * @param <A> the network's answers
 */
public final class TokenRenewal<A> {

    /** The result a channel stopped with its token refused is counted under. */
    private static final String TOKEN_REFUSED = "token-refused";

    private final TokenRefresh tokens;
    private final String network;
    private final Function<A, String> refused;
    private final Function<Account, Uni<ChannelCredentials>> refresh;

    /**
     * {@code network} names the network in the stop's reason ("YouTube", "Google", "LinkedIn"); {@code refused} gives
     * the reason when an answer is the network refusing the token, else null; {@code refresh} is its token renewal.
     */
    public TokenRenewal(TokenRefresh tokens, String network, Function<A, String> refused,
                        Function<Account, Uni<ChannelCredentials>> refresh) {
        this.tokens = tokens;
        this.network = network;
        this.refused = refused;
        this.refresh = refresh;
    }

    /** Calls {@code list} with the account held in {@code account} (replaced by the renewed one). */
    Uni<A> call(AtomicReference<Account> account, Function<Account, Uni<A>> list, Instant retryAt) {
        return list.apply(account.get()).chain(answer -> {
            String reason = refused.apply(answer);
            if (reason == null) {
                return Uni.createFrom().item(answer);
            }
            return tokens.renewed(account.get(), refresh)
                    .onFailure().recoverWithNull()
                    .chain(renewed -> {
                        if (renewed == null) {
                            throw stop(retryAt, "token refused by " + network + " and not renewed: " + reason);
                        }
                        account.set(renewed);
                        return list.apply(renewed);
                    })
                    .map(again -> {
                        String still = refused.apply(again);
                        if (still != null) {
                            throw stop(retryAt, "token refused by " + network + " after renewal: " + still);
                        }
                        return again;
                    });
        });
    }

    private static PolledCursors.Stop stop(Instant until, String reason) {
        return new PolledCursors.Stop(until, TOKEN_REFUSED, true, true, reason);
    }
}
