package io.tribu.listening.source.mastodon;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;

/** The fields Tribu reads from a Mastodon status (GET /api/v1/timelines/tag/:hashtag). */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record MastodonStatus(String id, @JsonProperty("created_at") Instant createdAt, String content, String url,
                             String language, @JsonProperty("in_reply_to_id") String inReplyToId, Account account,
                             Object reblog) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Account(String acct, @JsonProperty("followers_count") Long followersCount) {
    }
}
