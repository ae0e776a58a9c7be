package io.tribu.listening.source.mastodon;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;

/**
 * The fields Tribu reads from a Mastodon status (GET /api/v1/timelines/tag/:hashtag, streamed {@code update} and
 * {@code status.update} events, GET /api/v1/statuses). {@code quote} is Mastodon 4.5's quote post: the quoted status
 * when it is shown; {@code edited_at} (3.5+) is null for a status never edited.
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record MastodonStatus(String id, @JsonProperty("created_at") Instant createdAt, String content, String url,
                             String language, @JsonProperty("in_reply_to_id") String inReplyToId, Account account,
                             Object reblog, Quote quote, @JsonProperty("edited_at") Instant editedAt) {

    /** {@code acct} is {@code user} for accounts of the instance that answers, {@code user@domain} for others. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Account(String acct, String url, @JsonProperty("followers_count") Long followersCount) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Quote(@JsonProperty("quoted_status") QuotedStatus quotedStatus) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record QuotedStatus(String url, String uri) {
    }
}
