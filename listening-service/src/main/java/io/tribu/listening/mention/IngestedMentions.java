package io.tribu.listening.mention;

import io.smallrye.mutiny.Uni;
import io.tribu.listening.alert.AlertService;
import io.tribu.listening.config.ListeningConfig;
import io.tribu.listening.enrich.TextFingerprint;
import io.tribu.listening.query.MatchedQuery;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * How the Kafka ingest stores mentions: a batch in one statement on the SQL client (no Hibernate session, no outbox
 * row), answered with the mentions to announce; their events go out in the batch's Kafka transaction with the
 * consumed offsets (see {@code KafkaIngest}). A mention's id is derived from its source and the sender's id, so a
 * batch read again after a crash (its rows committed, its Kafka transaction aborted) stores nothing twice and
 * announces each of its mentions again as stored, under the event id of the first attempt ({@link MentionEvents}).
 */
@ApplicationScoped
public class IngestedMentions {

    private final MentionService mentions;
    private final MentionRepository repository;
    private final AlertService alerts;
    private final Duration storyWindow;

    public IngestedMentions(MentionService mentions, MentionRepository repository, AlertService alerts,
                            ListeningConfig config) {
        this.mentions = mentions;
        this.repository = repository;
        this.alerts = alerts;
        this.storyWindow = config.enrich().storyWindow();
    }

    /** A mention of a batch, analysed and given its story, ready to store. */
    public static final class Prepared {
        private final MentionService.Analysed analysed;

        private Prepared(MentionService.Analysed analysed) {
            this.analysed = analysed;
        }

        Mention mention() {
            return analysed.mention();
        }

        public UUID id() {
            return analysed.mention().id;
        }
    }

    /** A mention stored by this attempt or by an earlier one, as it is stored, with the queries it matched. */
    public record Stored(Mention mention, List<MatchedQuery> matches) {
    }

    /** The id of a source's item: the same however many times the item is read (a batch replayed after a crash). */
    public static UUID idOf(UUID sourceId, String externalId) {
        return UUID.nameUUIDFromBytes(("mention\n" + sourceId + "\n" + externalId).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Analyses the batch (language, sentiment, fingerprint, matched queries; on the calling thread) and gives each
     * mention its story: the earliest stored near-duplicate's, else the earliest near-duplicate's of the batch
     * (two copies in one batch share one story), else its own. The same item twice in the batch is kept once.
     */
    public Uni<List<Prepared>> prepare(List<MentionService.Heard> heard) {
        Map<UUID, Prepared> byId = new LinkedHashMap<>();
        for (MentionService.Heard h : heard) {
            UUID id = idOf(h.mention().sourceId(), h.mention().externalId());
            if (!byId.containsKey(id)) {
                Prepared prepared = new Prepared(mentions.analyse(h, id));
                // as PostgreSQL keeps it: an event announced again carries the time stored, to the microsecond
                prepared.mention().receivedAt = prepared.mention().receivedAt.truncatedTo(ChronoUnit.MICROS);
                byId.put(id, prepared);
            }
        }
        List<Prepared> batch = List.copyOf(byId.values());
        List<Mention> fingerprinted = batch.stream().map(Prepared::mention).filter(m -> m.signature != null).toList();
        return repository.ofNearDuplicates(fingerprinted.stream().map(m -> new MentionRepository.Probe(m.tenant, m.brandId,
                        new TextFingerprint(m.signature), m.publishedAt.minus(storyWindow),
                        m.publishedAt.plus(storyWindow), m.id)).toList())
                .map(found -> {
                    Set<UUID> stored = new HashSet<>();
                    for (int i = 0; i < found.size(); i++) {
                        if (found.get(i) != null) {
                            fingerprinted.get(i).storyId = found.get(i);
                            stored.add(fingerprinted.get(i).id);
                        }
                    }
                    joinCopiesInBatch(fingerprinted, stored);
                    return batch;
                });
    }

    /**
     * Within the batch, in publication order: a mention no stored story took joins the story of the earliest
     * near-duplicate before it (sharing a band key, agreeing as the store's lookup demands, within the window).
     */
    private void joinCopiesInBatch(List<Mention> fingerprinted, Set<UUID> storedStory) {
        List<Mention> ordered = fingerprinted.stream().sorted(Comparator.comparing((Mention m) -> m.publishedAt)).toList();
        Map<Long, List<Mention>> byKey = new HashMap<>();
        for (Mention m : ordered) {
            if (m.storyKeys == null) {
                continue;
            }
            if (!storedStory.contains(m.id)) {
                Mention earliest = null;
                for (long key : m.storyKeys) {
                    for (Mention other : byKey.getOrDefault(key, List.of())) {
                        if (!other.publishedAt.isBefore(m.publishedAt.minus(storyWindow))
                                && new TextFingerprint(other.signature).sameStoryAs(new TextFingerprint(m.signature))) {
                            if (earliest == null || other.publishedAt.isBefore(earliest.publishedAt)) {
                                earliest = other;
                            }
                            break;
                        }
                    }
                }
                if (earliest != null) {
                    m.storyId = earliest.storyId;
                }
            }
            for (long key : m.storyKeys) {
                byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(m);
            }
        }
    }

    /**
     * Stores the mentions in one statement; those an earlier attempt stored are left as they are and answered as
     * stored then. A mention whose item was stored under another id (a webhook delivery of the same source and id,
     * announced through the outbox) is neither stored nor answered.
     */
    public Uni<List<Stored>> store(List<Prepared> batch) {
        if (batch.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<Mention> rows = batch.stream().map(Prepared::mention).toList();
        return repository.insertIngested(rows).chain(fresh -> {
            List<UUID> before = batch.stream().map(p -> p.mention().id).filter(id -> !fresh.contains(id)).toList();
            return repository.storedBefore(before).map(earlier -> {
                List<Stored> stored = new ArrayList<>();
                for (Prepared p : batch) {
                    Mention m = p.mention();
                    if (fresh.contains(m.id)) {
                        stored.add(new Stored(m, p.analysed.matches()));
                    } else if (earlier.containsKey(m.id)) {
                        stored.add(asStoredBefore(p, earlier.get(m.id)));
                    }
                }
                return stored;
            });
        });
    }

    /** The keyword alerts of stored mentions (stored again: a rule alerts once per mention). */
    public Uni<Void> alert(List<Stored> stored) {
        return alerts.onMentionsIngested(stored.stream().map(s -> new AlertService.Ingested(s.mention().tenant,
                s.mention().brandId, s.mention().id, s.mention().text, s.mention().publishedAt)).toList());
    }

    private static Stored asStoredBefore(Prepared prepared, Row row) {
        Mention m = prepared.mention();
        m.storyId = row.getUUID("story_id");
        m.receivedAt = row.getOffsetDateTime("received_at").toInstant();
        UUID[] matched = row.getArrayOfUUIDs("matched_query_ids");
        m.matchedQueryIds = matched == null ? new UUID[0] : matched;
        Set<UUID> ids = Set.of(m.matchedQueryIds);
        return new Stored(m, prepared.analysed.matches().stream().filter(q -> ids.contains(q.id())).toList());
    }
}
