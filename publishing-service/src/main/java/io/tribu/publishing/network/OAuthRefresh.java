package io.tribu.publishing.network;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.tribu.publishing.channel.ChannelCredentials;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The OAuth 2.0 refresh-token grant (RFC 6749 section 6) as X and LinkedIn implement it: a form POST with
 * {@code grant_type=refresh_token}; the client authenticates with HTTP Basic when it has a secret (X
 * confidential clients), else sends its {@code client_id} in the form (X public clients); LinkedIn wants
 * {@code client_id} and {@code client_secret} in the form. The answer carries a new access token, its
 * lifetime and (X always, LinkedIn sometimes) a new refresh token.
 */
final class OAuthRefresh {

    private OAuthRefresh() {
    }

    static Uni<ChannelCredentials> refresh(NetworkHttp http, String tokenUrl, ChannelCredentials credentials,
                                           boolean secretInForm) {
        Map<String, String> form = new java.util.LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", credentials.refreshToken());
        form.put("client_id", credentials.clientId());
        HttpRequest.Builder request = http.request(tokenUrl).header("Content-Type", "application/x-www-form-urlencoded");
        if (credentials.clientSecret() != null && !credentials.clientSecret().isBlank()) {
            if (secretInForm) {
                form.put("client_secret", credentials.clientSecret());
            } else {
                request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (credentials.clientId() + ":" + credentials.clientSecret()).getBytes(StandardCharsets.UTF_8)));
            }
        }
        String body = form.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build()).map(response -> {
            JsonNode answer = http.read(response);
            if (response.statusCode() != 200 || !answer.hasNonNull("access_token")) {
                throw new RefreshRefused(answer.path("error").asText("HTTP " + response.statusCode())
                        + (answer.has("error_description") ? ": " + answer.path("error_description").asText() : ""));
            }
            Instant expiresAt = answer.has("expires_in") ? response.receivedAt().plusSeconds(answer.path("expires_in").asLong()) : null;
            return credentials.refreshed(answer.path("access_token").asText(), answer.path("refresh_token").asText(null), expiresAt);
        });
    }
}
