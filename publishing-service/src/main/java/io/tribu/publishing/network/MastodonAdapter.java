package io.tribu.publishing.network;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.http.HttpResponse;
import java.util.Map;

/**
 * Mastodon REST API. Exactly-once: {@code POST /api/v1/statuses} carries an {@code Idempotency-Key}
 * header; Mastodon answers a repeated key (kept one hour) with the status it already created, so a
 * publish retried after a crash finds the first post instead of making a second one.
 */
@ApplicationScoped
public class MastodonAdapter implements NetworkAdapter {

    private final NetworkHttp http;

    public MastodonAdapter(NetworkHttp http) {
        this.http = http;
    }

    @Override
    public Network network() {
        return Network.MASTODON;
    }

    @Override
    public Uni<Outcome> publish(Account account, String text, String idempotencyKey) {
        var request = http.request(account.baseUrl() + "/api/v1/statuses")
                .header("Authorization", "Bearer " + account.credentials().accessToken())
                .header("Idempotency-Key", idempotencyKey)
                .header("Content-Type", "application/json")
                .POST(http.jsonBody(Map.of("status", text, "visibility", "public")))
                .build();
        return http.send(request)
                .map(this::outcome)
                .onFailure().recoverWithItem(NetworkHttp::unreachable);
    }

    private Outcome outcome(HttpResponse<String> response) {
        JsonNode body = http.read(response);
        if (response.statusCode() == 200) {
            return new Outcome.Published(body.path("id").asText(), body.path("url").asText(null));
        }
        // Mastodon errors: {"error": "Validation failed: Text character limit of 500 exceeded"}
        return HttpAnswers.failure(response, body.path("error").asText("HTTP " + response.statusCode()), null);
    }

    @Override
    public Uni<Engagement> engagement(Account account, String externalId) {
        var request = http.request(account.baseUrl() + "/api/v1/statuses/" + externalId)
                .header("Authorization", "Bearer " + account.credentials().accessToken())
                .GET().build();
        return http.send(request).map(response -> {
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Mastodon answered " + response.statusCode() + " for status " + externalId);
            }
            JsonNode status = http.read(response);
            return new Engagement(status.path("favourites_count").asLong(), status.path("replies_count").asLong(),
                    status.path("reblogs_count").asLong(), null);
        });
    }
}
