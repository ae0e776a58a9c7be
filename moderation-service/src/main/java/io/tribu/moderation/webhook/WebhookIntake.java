package io.tribu.moderation.webhook;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.smallrye.mutiny.Uni;
import io.tribu.moderation.inbox.InboxIntake;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.List;

/** Puts pushed interactions into the inbox, each once however often the network delivers it. */
@ApplicationScoped
public class WebhookIntake {

    static final URI BAD_SIGNATURE = URI.create("https://tribu.io/problems/bad-signature");

    private final InboxIntake inbox;

    public WebhookIntake(InboxIntake inbox) {
        this.inbox = inbox;
    }

    /** Stored before the network hears 200: a failure makes it deliver again. */
    Uni<Integer> store(WebhookChannel channel, String source, List<Interaction> interactions) {
        return inbox.receiveAll(interactions.stream().map(i -> i.asReceived(channel, source)).toList())
                .replaceWith(interactions.size());
    }

    static HttpProblem refused(String reason) {
        return HttpProblem.builder()
                .withType(BAD_SIGNATURE)
                .withStatus(Response.Status.UNAUTHORIZED)
                .withTitle("Unauthorized")
                .withDetail(reason)
                .build();
    }
}
