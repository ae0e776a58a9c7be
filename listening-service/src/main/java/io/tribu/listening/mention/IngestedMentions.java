package io.tribu.listening.mention;

import io.smallrye.mutiny.Uni;
import io.tribu.listening.alert.AlertService;
import io.tribu.listening.config.ListeningConfig;
import io.tribu.listening.enrich.TextFingerprint;
import io.tribu.listening.query.MatchedQuery;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How the Kafka ingest stores mentions: a batch in one statement on the SQL client (no Hibernate session, no outbox
 * row), answered with the mentions to announce; their events go out in the batch's Kafka transaction with the
 * consumed offsets (see {@code KafkaIngest}). A mention's id is derived from its source and the sender's id, so a
 * batch read again after a crash (its rows committed, its Kafka transaction aborted) stores nothing twice and
 * announces each of its mentions again as stored, under the event id of the first attempt ({@link MentionEvents}).
 */
@ApplicationScoped
public class IngestedMentions {

    private static final String INSERT = """
            insert into mention (id, tenant, brand_id, source, kind, owned_channel, author, author_reach, text, url,
                                 language, published_at, received_at, source_id, external_id, sentiment_label,
                                 sentiment_score, story_id, signature, story_keys, search_text, matched_query_ids,
                                 recorded_via_api, quoted_url, published_at_estimated)
            select id, tenant, brand_id, source, kind, owned_channel, author, author_reach, text, url, language,
                   published_at, received_at, source_id, external_id, sentiment_label, sentiment_score, story_id,
                   cast(signature as int[]), cast(story_keys as bigint[]), search_text, cast(matched as uuid[]), false,
                   quoted_url, published_at_estimated
            from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::boolean[], $7::text[],
                        $8::bigint[], $9::text[], $10::text[], $11::text[], $12::timestamptz[], $13::timestamptz[],
                        $14::uuid[], $15::text[], $16::text[], $17::float8[], $18::uuid[], $19::text[], $20::text[],
                        $21::text[], $22::text[], $23::text[], $24::boolean[])
                 as t(id, tenant, brand_id, source, kind, owned_channel, author, author_reach, text, url, language,
                      published_at, received_at, source_id, external_id, sentiment_label, sentiment_score, story_id,
                      signature, story_keys, search_text, matched, quoted_url, published_at_estimated)
            on conflict do nothing
            returning id""";
    /** What an earlier attempt stored and a new analysis could tell otherwise: story, reception time, queries. */
    private static final String STORED_BEFORE = """
            select id, story_id, received_at, matched_query_ids from mention where id = any($1::uuid[])""";

    private final MentionService mentions;
    private final Stories stories;
    private final AlertService alerts;
    private final Pool client;
    private final Duration storyWindow;

    public IngestedMentions(MentionService mentions, Stories stories, AlertService alerts, Pool client,
                            ListeningConfig config) {
        this.mentions = mentions;
        this.stories = stories;
        this.alerts = alerts;
        this.client = client;
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
        return stories.ofNearDuplicates(fingerprinted.stream().map(m -> new Stories.Probe(m.tenant, m.brandId,
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
        return client.preparedQuery(INSERT).execute(insertParameters(rows)).chain(inserted -> {
            Set<UUID> fresh = new HashSet<>();
            inserted.forEach(row -> fresh.add(row.getUUID(0)));
            List<Prepared> before = batch.stream().filter(p -> !fresh.contains(p.mention().id)).toList();
            Uni<Map<UUID, Row>> storedBefore = before.isEmpty() ? Uni.createFrom().item(Map.of())
                    : client.preparedQuery(STORED_BEFORE)
                    .execute(Tuple.of(before.stream().map(p -> p.mention().id).toArray(UUID[]::new)))
                    .map(found -> {
                        Map<UUID, Row> byId = new HashMap<>();
                        found.forEach(row -> byId.put(row.getUUID("id"), row));
                        return byId;
                    });
            return storedBefore.map(earlier -> {
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

    private static Tuple insertParameters(List<Mention> rows) {
        return Tuple.from(new Object[] {
                column(rows, m -> m.id, UUID[]::new),
                column(rows, m -> m.tenant, String[]::new),
                column(rows, m -> m.brandId, String[]::new),
                column(rows, m -> m.source, String[]::new),
                column(rows, m -> m.kind, String[]::new),
                column(rows, m -> m.ownedChannel, Boolean[]::new),
                column(rows, m -> m.author, String[]::new),
                column(rows, m -> m.authorReach, Long[]::new),
                column(rows, m -> m.text, String[]::new),
                column(rows, m -> m.url, String[]::new),
                column(rows, m -> m.language, String[]::new),
                column(rows, m -> m.publishedAt.atOffset(ZoneOffset.UTC), OffsetDateTime[]::new),
                column(rows, m -> m.receivedAt.atOffset(ZoneOffset.UTC), OffsetDateTime[]::new),
                column(rows, m -> m.sourceId, UUID[]::new),
                column(rows, m -> m.externalId, String[]::new),
                column(rows, m -> m.sentimentLabel, String[]::new),
                column(rows, m -> m.sentimentScore, Double[]::new),
                column(rows, m -> m.storyId, UUID[]::new),
                // arrays of arrays would be flattened by unnest: PostgreSQL array literals, cast back in the select
                column(rows, m -> m.signature == null ? null : Arrays.stream(m.signature).mapToObj(Integer::toString)
                        .collect(Collectors.joining(",", "{", "}")), String[]::new),
                column(rows, m -> m.storyKeys == null ? null : Arrays.stream(m.storyKeys).mapToObj(Long::toString)
                        .collect(Collectors.joining(",", "{", "}")), String[]::new),
                column(rows, m -> m.searchText, String[]::new),
                column(rows, m -> Arrays.stream(m.matchedQueryIds).map(UUID::toString)
                        .collect(Collectors.joining(",", "{", "}")), String[]::new),
                column(rows, m -> m.quotedUrl, String[]::new),
                column(rows, m -> m.publishedAtEstimated, Boolean[]::new)});
    }

    private static <T> T[] column(List<Mention> rows, Function<Mention, T> value, java.util.function.IntFunction<T[]> array) {
        return rows.stream().map(value).toArray(array);
    }
}
