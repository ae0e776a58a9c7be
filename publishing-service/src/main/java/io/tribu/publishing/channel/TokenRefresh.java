package io.tribu.publishing.channel;

import io.tribu.platform.crypto.SecretCipher;
import io.smallrye.mutiny.Uni;
import io.tribu.publishing.network.Account;
import io.tribu.publishing.network.ActionAdapter;
import io.tribu.publishing.network.NetworkAdapter;
import io.tribu.publishing.network.Outcome;
import io.tribu.publishing.network.RefreshRefused;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.function.Function;

/**
 * A network call that survives an expired access token: when the network answers 401 and the channel
 * has an OAuth refresh token (X, LinkedIn), the tokens are refreshed, sealed again into the channel
 * row, and the call is made once more with them. Refresh tokens that rotate (X) are single-use, so when
 * two workers refresh the same channel at once the loser's refresh is refused: it then reads the
 * channel again and uses the winner's tokens.
 * <p>
 * Meta (Facebook, Instagram) has no refresh token and cannot renew an expired token: its long-lived token
 * is exchanged before the call when it is close to expiry ({@link NetworkAdapter#refreshDue}). A failed
 * exchange is only logged: the token still works until it expires.
 */
@ApplicationScoped
public class TokenRefresh {

    private static final Logger LOG = Logger.getLogger(TokenRefresh.class);

    private final Pool pool;
    private final ChannelService channels;
    private final SecretCipher cipher;
    private final com.fasterxml.jackson.databind.ObjectMapper json;
    private final Clock clock;

    public TokenRefresh(Pool pool, ChannelService channels, SecretCipher cipher, com.fasterxml.jackson.databind.ObjectMapper json,
                        Clock clock) {
        this.pool = pool;
        this.channels = channels;
        this.cipher = cipher;
        this.json = json;
        this.clock = clock;
    }

    public Uni<Outcome> call(ActionAdapter adapter, Account account, Function<Account, Uni<Outcome>> call) {
        if (adapter.refreshDue(account.credentials(), clock.instant())) {
            return adapter.refresh(account)
                    .chain(fresh -> fresh == null ? Uni.createFrom().item(account) : store(account, fresh).replaceWith(with(account, fresh)))
                    .onFailure().recoverWithItem(failure -> {
                        LOG.warnf("Channel %s: token renewal ahead of expiry failed, the current token is used (%s)",
                                account.channelId(), failure.getMessage());
                        return account;
                    })
                    .chain(renewed -> callRefreshingOn401(adapter, renewed, call));
        }
        return callRefreshingOn401(adapter, account, call);
    }

    private Uni<Outcome> callRefreshingOn401(ActionAdapter adapter, Account account, Function<Account, Uni<Outcome>> call) {
        return call.apply(account).chain(outcome -> {
            if (!(outcome instanceof Outcome.AuthExpired expired) || !adapter.refreshable(account.credentials())) {
                return Uni.createFrom().item(outcome);
            }
            return adapter.refresh(account)
                    .chain(fresh -> fresh == null ? Uni.createFrom().item(outcome)
                            : store(account, fresh).chain(() -> call.apply(with(account, fresh))))
                    .onFailure(RefreshRefused.class).recoverWithUni(refused -> current(account).chain(stored ->
                            stored != null && !account.credentials().accessToken().equals(stored.accessToken())
                                    ? call.apply(with(account, stored))
                                    : Uni.createFrom().item((Outcome) new Outcome.AuthExpired(expired.reason()
                                    + "; the refresh token was refused too (" + refused.getMessage() + ")"))));
        });
    }

    /**
     * The account with new tokens from {@code refresh} (stored sealed in the channel row), for callers that are not
     * network adapters (the YouTube comment poller); null when there is nothing to refresh with. When the refresh is
     * refused but another worker stored new tokens meanwhile, the account with those.
     */
    public Uni<Account> renewed(Account account, Function<Account, Uni<ChannelCredentials>> refresh) {
        return refresh.apply(account)
                .chain(fresh -> fresh == null ? Uni.createFrom().<Account>nullItem() : store(account, fresh).replaceWith(with(account, fresh)))
                .onFailure(RefreshRefused.class).recoverWithUni(refused -> current(account).map(stored ->
                        stored != null && !account.credentials().accessToken().equals(stored.accessToken()) ? with(account, stored) : null));
    }

    private Uni<Void> store(Account account, ChannelCredentials fresh) {
        LOG.infof("Channel %s: access token refreshed", account.channelId());
        String sealed;
        try {
            sealed = cipher.seal(json.writeValueAsString(fresh), Channel.sealContext(account.channelId()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        var expiresAt = fresh.expiresAt() == null ? null : fresh.expiresAt().atOffset(ZoneOffset.UTC);
        return pool.preparedQuery("update channel set credentials = $1, updated_at = $2, credentials_at = $2, token_expires_at = $3 "
                        + "where id = $4")
                .execute(Tuple.from(java.util.Arrays.asList(sealed, now, expiresAt, account.channelId()))).replaceWithVoid();
    }

    private Uni<ChannelCredentials> current(Account account) {
        return pool.preparedQuery("select credentials from channel where id = $1").execute(Tuple.of(account.channelId()))
                .map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return null;
                    }
                    Row row = rows.iterator().next();
                    return channels.credentialsOf(account.channelId(), row.getString("credentials"));
                });
    }

    private static Account with(Account account, ChannelCredentials credentials) {
        return new Account(account.channelId(), account.baseUrl(), account.handle(), credentials);
    }
}
