package io.tribu.analytics.mention;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * What the mention measures read of a mention's text as listening last described it (recorded, or edited since):
 * when and where it was published, its language and sentiment label, the listening queries it matched and the
 * parties they name. {@code text} and {@code url} feed the text sample only; the ledger keeps them only while the
 * content waits for its {@code mention.recorded} (see {@link MentionFact}).
 *
 * @param sentiment   positive, neutral, negative, or unscored
 * @param queryIds    the listening queries matched, each once
 * @param aboutBrand  it speaks of the brand itself: it matched one of the brand's own queries, or none at all
 *                    (comments on the brand's own accounts, events older than queries)
 * @param competitors the competitors its competitor queries name (competitor name, else the query name), each once
 */
public record MentionContent(Instant publishedAt, String source, String language, String sentiment,
                             List<UUID> queryIds, boolean aboutBrand, List<String> competitors, String text, String url) {

    /** Sentiment labels counted as such; anything else (or none, in older events) is "unscored". */
    public static final Set<String> LABELS = Set.of("positive", "neutral", "negative");
    public static final String UNSCORED = "unscored";

    static MentionContent of(Instant publishedAt, String source, String language, MentionRecordedReader.Sentiment sentiment,
                             List<MentionRecordedReader.MatchedQuery> matched, String text, String url) {
        Set<UUID> ids = new LinkedHashSet<>();
        Set<String> competitors = new LinkedHashSet<>();
        boolean aboutBrand = false;
        for (MentionRecordedReader.MatchedQuery query : matched == null ? List.<MentionRecordedReader.MatchedQuery>of() : matched) {
            if (query == null || query.id() == null) {
                continue;
            }
            ids.add(query.id());
            if (query.aboutCompetitor()) {
                competitors.add(query.competitor() != null && !query.competitor().isBlank() ? query.competitor().strip()
                        : query.name() != null && !query.name().isBlank() ? query.name().strip() : "?");
            } else {
                aboutBrand = true;
            }
        }
        return new MentionContent(publishedAt, source == null ? "unknown" : source, language == null ? "und" : language,
                label(sentiment), List.copyOf(ids), aboutBrand || ids.isEmpty(), List.copyOf(competitors),
                text == null || text.isBlank() ? null : text, url);
    }

    private static String label(MentionRecordedReader.Sentiment sentiment) {
        if (sentiment == null || sentiment.label() == null) {
            return UNSCORED;
        }
        String label = sentiment.label().toLowerCase(Locale.ROOT);
        return LABELS.contains(label) ? label : UNSCORED;
    }

    /** The same content without its text: what the ledger keeps of a counted mention. */
    MentionContent withoutText() {
        return text == null && url == null ? this
                : new MentionContent(publishedAt, source, language, sentiment, queryIds, aboutBrand, competitors, null, null);
    }
}
