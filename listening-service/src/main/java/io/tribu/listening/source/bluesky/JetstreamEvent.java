package io.tribu.listening.source.bluesky;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;

/**
 * The fields Tribu reads from a Bluesky Jetstream message: {@code kind} "commit" with an
 * {@code app.bsky.feed.post} record for new posts; "identity" and "account" messages are skipped.
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record JetstreamEvent(String did, @JsonProperty("time_us") long timeUs, String kind, Commit commit) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Commit(String operation, String collection, String rkey, Post record) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Post(String text, String createdAt, List<String> langs, Object reply, List<Facet> facets) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Facet(List<Feature> features) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Feature(@JsonProperty("$type") String type, String tag) {
    }

    boolean isNewPost() {
        return "commit".equals(kind) && commit != null && "create".equals(commit.operation())
                && "app.bsky.feed.post".equals(commit.collection()) && commit.record() != null
                && commit.record().text() != null && commit.rkey() != null && did != null;
    }
}
