package io.tribu.publishing.network;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.tribu.publishing.config.PublishingConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;

/**
 * Mastodon media attachments: {@code POST /api/v2/media} (multipart {@code file}) answers 200 when the
 * file is ready, 202 while the instance still processes it (videos, large images); then
 * {@code GET /api/v1/media/:id} answers 206 until it is ready, 200 after. A status may only reference
 * ready media. An upload repeated after a crash only leaves an unattached attachment, which the
 * instance removes after a day.
 */
@ApplicationScoped
public class MastodonMedia {

    private final NetworkHttp http;
    private final Duration poll;
    private final Duration timeout;

    @Inject
    public MastodonMedia(NetworkHttp http, PublishingConfig config) {
        this(http, config.media().processingPoll(), config.media().processingTimeout());
    }

    /** With the waits given (tests and the media benchmark). */
    public MastodonMedia(NetworkHttp http, Duration poll, Duration timeout) {
        this.http = http;
        this.poll = poll;
        this.timeout = timeout;
    }

    /** The attachment id once the instance processed the file; fails with a {@link Refusal} carrying the outcome. */
    Uni<String> upload(Account account, MediaFetch.Medium medium) {
        Multipart form = new Multipart().file("file", medium.fileName(), medium.contentType(), medium.bytes());
        var request = http.request(account.baseUrl() + "/api/v2/media")
                .header("Authorization", "Bearer " + account.credentials().accessToken())
                .header("Content-Type", form.contentType())
                .POST(form.publisher()).build();
        return http.send(request).chain(response -> {
            JsonNode attachment = http.read(response);
            if (response.statusCode() == 200) {
                return Uni.createFrom().item(attachment.path("id").asText());
            }
            if (response.statusCode() == 202) {
                return ready(account, medium, attachment.path("id").asText(), pollsLeft());
            }
            throw new Refusal(failure(medium, response));
        });
    }

    private Uni<String> ready(Account account, MediaFetch.Medium medium, String id, long pollsLeft) {
        if (pollsLeft == 0) {
            // The attachment may still become ready; the next attempt uploads again, which is harmless.
            throw new Refusal(new Outcome.Retry(null, "medium " + medium.index() + ": Mastodon still processing it after " + timeout));
        }
        var request = http.request(account.baseUrl() + "/api/v1/media/" + id)
                .header("Authorization", "Bearer " + account.credentials().accessToken())
                .GET().build();
        return Uni.createFrom().voidItem().onItem().delayIt().by(poll)
                .chain(() -> http.send(request))
                .chain(response -> {
                    if (response.statusCode() == 200) {
                        return Uni.createFrom().item(id);
                    }
                    if (response.statusCode() == 206) {
                        return ready(account, medium, id, pollsLeft - 1);
                    }
                    throw new Refusal(failure(medium, response));
                });
    }

    private long pollsLeft() {
        return Math.max(1, timeout.toMillis() / Math.max(1, poll.toMillis()));
    }

    /** Mastodon errors: {"error": "Validation failed: File content type is invalid"}. */
    private Outcome failure(MediaFetch.Medium medium, ReceivedResponse response) {
        String reason = "medium " + medium.index() + ": " + http.read(response).path("error").asText("HTTP " + response.statusCode());
        return HttpAnswers.failure(response, reason, null);
    }
}
