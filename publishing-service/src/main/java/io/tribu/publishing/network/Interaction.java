package io.tribu.publishing.network;

/**
 * Someone's post or comment on a brand's channel that moderation asks to act on: its public URL, the
 * network's id of it when known (a Mastodon status id, a Bluesky at:// URI, a Graph API comment id,
 * a tweet id) and its author's handle.
 */
public record Interaction(String url, String externalId, String author) {

    /** The id when given, else the URL: adapters resolve either. */
    public String reference() {
        return externalId != null && !externalId.isBlank() ? externalId : url;
    }
}
