package io.tribu.publishing.network;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.tribu.publishing.channel.ChannelCredentials;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * Meta's long-lived token exchange (Facebook Pages and Instagram): Graph has no refresh token, but a token
 * that still works can be exchanged with the agency's app id and secret for a new long-lived one (about 60
 * days): {@code GET /oauth/access_token?grant_type=fb_exchange_token&client_id&client_secret&fb_exchange_token}.
 * An expired token cannot be exchanged, so the exchange is made ahead, when a call finds the token close
 * to its {@code expiresAt}; a Page token derived from a long-lived user token has no expiry and is left alone.
 */
final class MetaTokenExchange {

    /** A 60-day token used at least once in its last ten days is renewed: a quiet week does not lose the channel. */
    static final Duration AHEAD = Duration.ofDays(10);

    private MetaTokenExchange() {
    }

    /** The agency's Meta app is known (client id and secret): the token can be exchanged. */
    static boolean possible(ChannelCredentials credentials) {
        return present(credentials.accessToken()) && present(credentials.clientId()) && present(credentials.clientSecret());
    }

    /** Possible, and the token expires within {@link #AHEAD}. */
    static boolean due(ChannelCredentials credentials, Instant now) {
        return possible(credentials) && credentials.expiresAt() != null && credentials.expiresAt().isBefore(now.plus(AHEAD));
    }

    static Uni<ChannelCredentials> exchange(NetworkHttp http, Account account) {
        ChannelCredentials credentials = account.credentials();
        if (!possible(credentials)) {
            return Uni.createFrom().nullItem();
        }
        String url = account.baseUrl() + GraphAnswers.VERSION + "/oauth/access_token?grant_type=fb_exchange_token"
                + "&client_id=" + encoded(credentials.clientId()) + "&client_secret=" + encoded(credentials.clientSecret())
                + "&fb_exchange_token=" + encoded(credentials.accessToken());
        return http.send(http.request(url).GET().build()).map(response -> {
            JsonNode answer = http.read(response);
            if (response.statusCode() != 200 || !answer.hasNonNull("access_token")) {
                throw new RefreshRefused(GraphAnswers.reason(answer, response));
            }
            Instant expiresAt = answer.has("expires_in") ? response.receivedAt().plusSeconds(answer.path("expires_in").asLong()) : null;
            return credentials.refreshed(answer.path("access_token").asText(), null, expiresAt);
        });
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
