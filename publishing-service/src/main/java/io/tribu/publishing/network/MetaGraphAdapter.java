package io.tribu.publishing.network;

import io.smallrye.mutiny.Uni;
import io.tribu.publishing.channel.ChannelCredentials;

import java.time.Instant;

/**
 * The Meta Graph API networks (Facebook Pages, Instagram): their tokens are renewed by Meta's long-lived token
 * exchange, made ahead of the token's expiry (see {@link MetaTokenExchange}), not by an OAuth refresh token.
 */
interface MetaGraphAdapter extends NetworkAdapter {

    /** The client the exchange is sent with. */
    NetworkHttp http();

    @Override
    default Uni<ChannelCredentials> refresh(Account account) {
        return MetaTokenExchange.exchange(http(), account);
    }

    @Override
    default boolean refreshable(ChannelCredentials credentials) {
        return MetaTokenExchange.possible(credentials);
    }

    @Override
    default boolean refreshDue(ChannelCredentials credentials, Instant now) {
        return MetaTokenExchange.due(credentials, now);
    }
}
