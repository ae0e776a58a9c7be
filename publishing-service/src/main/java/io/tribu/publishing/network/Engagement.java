package io.tribu.publishing.network;

/** Counts of a published post as its network reports them; impressions null where the network does not tell. */
public record Engagement(long likes, long comments, long shares, Long impressions) {
}
