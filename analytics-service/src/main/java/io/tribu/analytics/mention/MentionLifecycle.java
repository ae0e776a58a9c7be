package io.tribu.analytics.mention;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.smallrye.mutiny.Uni;
import io.tribu.analytics.author.AuthorService;
import io.tribu.analytics.drivers.MentionTextSample;
import io.tribu.analytics.sentiment.SentimentService;
import io.tribu.analytics.voice.ShareOfVoiceService;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Applies a batch of listening's mention events to every mention measure, inside the intake's transaction: each
 * mention's events are folded into its ledger fact ({@link MentionFact}), and the measures get the difference
 * between what they counted of it before and what they count now. So a withdrawn mention leaves volumes, sentiment,
 * share of voice, authors, the text sample (drivers, crisis examples, report) exactly as if it had never come, and an
 * edited one moves to its new sentiment, language, queries and text.
 */
@ApplicationScoped
public class MentionLifecycle {

    private final MentionLedger ledger;
    private final MentionVolumeService volumes;
    private final SentimentService sentiments;
    private final ShareOfVoiceService voices;
    private final MentionTextSample texts;
    private final AuthorService authors;

    public MentionLifecycle(MentionLedger ledger, MentionVolumeService volumes, SentimentService sentiments,
                            ShareOfVoiceService voices, MentionTextSample texts, AuthorService authors) {
        this.ledger = ledger;
        this.volumes = volumes;
        this.sentiments = sentiments;
        this.voices = voices;
        this.texts = texts;
        this.authors = authors;
    }

    /** The events in partition order, each new (the intake has skipped those applied before). */
    @WithSpan
    public Uni<Void> apply(Mutiny.Session session, List<MentionLifecycleEvent> events) {
        Map<MentionLedger.Key, List<MentionLifecycleEvent>> byMention = new LinkedHashMap<>();
        List<SentimentService.QueryName> names = new ArrayList<>();
        for (MentionLifecycleEvent event : events) {
            byMention.computeIfAbsent(new MentionLedger.Key(event.tenant(), event.brandId(), event.mentionId()),
                    key -> new ArrayList<>()).add(event);
            event.matchedQueries().forEach(query -> names.add(new SentimentService.QueryName(event.tenant(),
                    event.brandId(), query)));
        }
        return ledger.lock(session, byMention.keySet()).chain(known -> {
            List<MentionFact> changed = new ArrayList<>();
            List<MentionCount> counts = new ArrayList<>();
            List<MentionFact> unsampled = new ArrayList<>();
            List<MentionFact> offered = new ArrayList<>();
            byMention.forEach((key, mentionEvents) -> {
                MentionFact before = known.getOrDefault(key, MentionFact.unknown(key.tenant(), key.brandId(), key.mentionId()));
                MentionFact after = before;
                for (MentionLifecycleEvent event : mentionEvents) {
                    after = event.applyTo(after);
                }
                if (after.equals(before)) {
                    return;
                }
                changed.add(after);
                boolean edited = !Objects.equals(before.content(), after.content());
                if (before.counted() && (!after.counted() || edited)) {
                    counts.add(new MentionCount(before, -1));
                    unsampled.add(before);
                }
                if (after.counted() && (!before.counted() || edited)) {
                    counts.add(new MentionCount(after, 1));
                    if (after.content().text() != null) {
                        offered.add(after);
                    }
                }
            });
            return ledger.save(session, changed)
                    .chain(() -> counts.isEmpty() ? Uni.createFrom().voidItem() : volumes.count(session, counts)
                            .chain(() -> sentiments.count(session, counts))
                            .chain(() -> voices.count(session, counts))
                            .chain(() -> authors.count(session, counts)))
                    .chain(() -> texts.remove(session, unsampled))
                    .chain(() -> texts.keep(session, offered))
                    .chain(() -> sentiments.name(session, names));
        });
    }
}
