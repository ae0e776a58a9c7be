package io.tribu.publishing.network;

import io.smallrye.mutiny.Uni;
import io.tribu.publishing.channel.ChannelCredentials;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Moderation's actions on Google Business Profile reviews, as the location's owner: {@code reply} writes the business's
 * public answer ({@code PUT /v4/{review}/reply} with {@code {"comment"}}: a first reply or a new text for it, answered
 * with the ReviewReply); {@code delete_reply} removes it ({@code DELETE /v4/{review}/reply}, answered with an empty
 * object). A customer's review itself cannot be hidden or deleted by the business: hide and delete are refused (a
 * delete is never taken for the reply's, which is asked for as an action of its own). A PUT sets a state and a DELETE
 * leaves none: a repeated request after a crash or a redelivery leaves the same reply, or none (Google's 404 NOT_FOUND
 * for a review without a reply is the delete done), with no idempotency key. The target is the review's resource name
 * (the item's network id), which must be one of the channel's location. Tokens are Google's, refreshed as YouTube's.
 */
@ApplicationScoped
public class GoogleBusinessAdapter implements ActionAdapter {

    private static final Pattern REVIEW = Pattern.compile("accounts/[0-9]{1,30}/locations/[0-9]{1,30}/reviews/[A-Za-z0-9_-]{1,200}");
    /** Google's limit on a reply's comment, in bytes. */
    static final int MAX_REPLY_BYTES = 4096;

    private final NetworkHttp http;
    private final GoogleBusinessApi api;

    public GoogleBusinessAdapter(NetworkHttp http, GoogleBusinessApi api) {
        this.http = http;
        this.api = api;
    }

    @Override
    public String wire() {
        return "google_business";
    }

    @Override
    public Uni<Outcome> reply(Account account, Interaction target, String text, boolean privately, String idempotencyKey,
                              boolean reconciling) {
        if (privately) {
            return permanent("a Google review's answer is public: no private reply");
        }
        if (text.getBytes(StandardCharsets.UTF_8).length > MAX_REPLY_BYTES) {
            return permanent("Google takes replies of at most " + MAX_REPLY_BYTES + " bytes");
        }
        return review(account, target).map(review -> (Uni<Outcome>) send(account, http.request(account.baseUrl() + "/v4/" + review + "/reply")
                        .header("Content-Type", "application/json")
                        .PUT(http.jsonBody(Map.of("comment", text))), review, false))
                .orElseGet(() -> permanent(notOfTheLocation(account, target)));
    }

    @Override
    public Uni<Outcome> deleteReply(Account account, Interaction target) {
        return review(account, target).map(review -> send(account, http.request(account.baseUrl() + "/v4/" + review + "/reply")
                        .DELETE(), review, true))
                .orElseGet(() -> permanent(notOfTheLocation(account, target)));
    }

    @Override
    public Uni<Outcome> delete(Account account, Interaction target) {
        return permanent("a Google review cannot be deleted by the business, only by its author; report it to Google");
    }

    @Override
    public Uni<Outcome> hide(Account account, Interaction target, boolean hidden) {
        return permanent("a Google review cannot be hidden by the business; report it to Google, or answer it");
    }

    @Override
    public Uni<ChannelCredentials> refresh(Account account) {
        return api.refresh(account);
    }

    @Override
    public boolean refreshable(ChannelCredentials credentials) {
        return credentials.refreshable();
    }

    @Override
    public boolean refreshDue(ChannelCredentials credentials, Instant now) {
        return false;
    }

    /** deleting: the answer is to be gone, so Google's 404 (no reply, or no review any more) is that done too. */
    private Uni<Outcome> send(Account account, HttpRequest.Builder request, String review, boolean deleting) {
        return http.send(request.header("Authorization", "Bearer " + account.credentials().accessToken()).build())
                .map(response -> {
                    if (response.statusCode() == 200 || deleting && response.statusCode() == 404) {
                        return (Outcome) new Outcome.Published(deleting ? null : review + "/reply", null);
                    }
                    var error = http.read(response).path("error");
                    return HttpAnswers.failure(response, response.statusCode() + " " + error.path("status").asText("")
                            + ": " + error.path("message").asText("HTTP " + response.statusCode()), null);
                })
                .onFailure().recoverWithItem(NetworkHttp::unreachable);
    }

    /** The review's resource name, when it is one of the channel's location. */
    private static java.util.Optional<String> review(Account account, Interaction target) {
        String reference = target.reference().replaceFirst("^urn:tribu:google_business:", "");
        return REVIEW.matcher(reference).matches() && reference.startsWith(account.handle() + "/reviews/")
                ? java.util.Optional.of(reference) : java.util.Optional.empty();
    }

    private static String notOfTheLocation(Account account, Interaction target) {
        return "the review " + target.reference() + " is not one of the location " + account.handle();
    }

    private static Uni<Outcome> permanent(String reason) {
        return Uni.createFrom().item(new Outcome.Permanent(reason));
    }
}
