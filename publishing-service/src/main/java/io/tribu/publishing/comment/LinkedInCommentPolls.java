package io.tribu.publishing.comment;

import io.tribu.platform.outbox.Outbox;
import io.tribu.publishing.config.PublishingConfig;
import io.tribu.publishing.poll.PolledCursors;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

/** LinkedIn comment polling's rows: the channels' cursors ({@code linkedin_poll}) and the comments announced ({@code linkedin_comment}). */
@ApplicationScoped
public class LinkedInCommentPolls {

    private final PolledCursors cursors;
    private final SeenComments seen;

    public LinkedInCommentPolls(Pool pool, Outbox outbox, PublishingConfig config) {
        this.cursors = new PolledCursors(pool, outbox, "linkedin_poll", "linkedin");
        this.seen = new SeenComments(pool, "linkedin_comment", config.topics().comments(), cursors);
    }

    PolledCursors cursors() {
        return cursors;
    }

    SeenComments seen() {
        return seen;
    }
}
