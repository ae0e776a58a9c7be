package io.tribu.listening.source.bluesky;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;

/**
 * The fields Tribu reads from a Bluesky Jetstream message: {@code kind} "commit" with an {@code app.bsky.feed.post}
 * record created, updated or deleted; "identity" messages for the handle they may carry. Likes, reposts, follows
 * and the other collections are not mentions.
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record JetstreamEvent(String did, @JsonProperty("time_us") long timeUs, String kind, Commit commit,
                             Identity identity) {

    static final String POST = "app.bsky.feed.post";

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Commit(String operation, String collection, String rkey, String cid, Post record) {
    }

    /** {@code embed} is read as a tree: its shape depends on its {@code $type} (link card, quote, images...). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Post(String text, String createdAt, List<String> langs, Object reply, List<Facet> facets,
                       JsonNode embed) {
    }

    /** {@code index} counts UTF-8 bytes of the post's text, not characters. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Facet(Index index, List<Feature> features) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Index(int byteStart, int byteEnd) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Feature(@JsonProperty("$type") String type, String tag, String uri) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Identity(String handle) {
    }

    /** A post commit of an account: created, updated or deleted. */
    public boolean isPost() {
        return "commit".equals(kind) && commit != null && POST.equals(commit.collection()) && commit.rkey() != null
                && did != null && commit.operation() != null;
    }

    /** A post created or updated, with its record. */
    public boolean carriesPost() {
        return isPost() && !"delete".equals(commit.operation()) && commit.record() != null;
    }

    /** The post's AT URI, its id at the source. */
    public String postUri() {
        return "at://" + did + "/" + POST + "/" + commit.rkey();
    }
}
