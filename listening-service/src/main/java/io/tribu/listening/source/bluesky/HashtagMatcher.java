package io.tribu.listening.source.bluesky;

import java.util.Locale;
import java.util.regex.Pattern;

/** Whether a Bluesky post carries a hashtag: as a tag facet, or written as #tag in its text; case ignored. */
final class HashtagMatcher {

    private final String tag;
    private final Pattern inText;

    HashtagMatcher(String tag) {
        this.tag = tag.toLowerCase(Locale.ROOT);
        this.inText = Pattern.compile("(?<![\\p{L}\\p{N}_])#" + Pattern.quote(tag) + "(?![\\p{L}\\p{N}_])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    boolean matches(JetstreamEvent.Post post) {
        if (post.facets() != null) {
            for (JetstreamEvent.Facet facet : post.facets()) {
                if (facet.features() == null) {
                    continue;
                }
                for (JetstreamEvent.Feature feature : facet.features()) {
                    if ("app.bsky.richtext.facet#tag".equals(feature.type()) && feature.tag() != null
                            && tag.equals(feature.tag().toLowerCase(Locale.ROOT))) {
                        return true;
                    }
                }
            }
        }
        return post.text() != null && inText.matcher(post.text()).find();
    }
}
