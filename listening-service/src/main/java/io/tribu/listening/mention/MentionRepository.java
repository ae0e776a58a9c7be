package io.tribu.listening.mention;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tribu.listening.config.ListeningConfig;
import io.tribu.listening.enrich.SearchText;
import io.tribu.listening.enrich.TextFingerprint;
import io.tribu.listening.sql.Columns;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The SQL of the mention aggregate, all of it (one repository per aggregate). The Hibernate statements run in the
 * caller's session or transaction. Two go straight to the SQL client, outside Hibernate: the near-duplicate lookup
 * ({@link #ofNearDuplicates}: Hibernate's native query plans are not cached, which made this once-per-mention lookup
 * the most expensive step of a firehose; a batch of mentions is one statement, the mentions as arrays, one lateral
 * lookup each) and the Kafka ingest's batch ({@link #insertIngested}, stored with its Kafka transaction's offsets).
 */
@ApplicationScoped
public class MentionRepository {

    /**
     * The 4-day bucket of a publication time ({@code %s} the column), exactly as V19's band indexes write it: they
     * lead with it, so a new mention lands in its bucket's subtree, which holds 4 days of mentions whatever is stored.
     */
    private static final String BUCKET =
            "floor(date_part('epoch', %s - timestamptz '1970-01-01 00:00:00+00') / 345600)::int";
    /** The bucket's length, 345,600 s as in {@link #BUCKET}. */
    private static final Duration BUCKET_LENGTH = Duration.ofDays(4);

    // One branch per band key and bucket of the window, each reading its index in time order and stopping at the
    // first candidate that agrees: the keys are 64 bits, so what shares one is nearly always a copy, and a lookup reads
    // a row or two per band and bucket whether the brand stored a thousand mentions or ten million (with the bands
    // or-ed, the planner would read the brand's whole window instead). %1$d is the band, %2$s the parameter holding
    // the minimum agreement.
    private static final String BAND = """
            (select story_id, published_at, id from mention m
              where %3$s = b.bucket and m.story_keys[%1$d] = c.k%1$d and m.story_keys is not null
                and m.published_at between c.lo and c.hi
                and m.tenant = c.tenant and m.brand_id = c.brand_id and m.id is distinct from c.excluded
                and (select count(*) from unnest(m.signature, c.signature) as p(x, y) where x = y) >= %2$s
              order by m.published_at, m.id limit 1)""";

    /**
     * The lookup for {@code bands} band keys: parameters $1–$5 are the probes' index, tenant, brand and window,
     * then one array per band, the signatures, the excluded ids and the minimum agreement. Each probe reads the
     * buckets from its window's first to its last (the bucket grows with the time, so none in between is missed),
     * as {@code buckets} offsets from the first: a counted row source, so the planner's cost stays low (with
     * {@code generate_series}, estimated at 1,000 rows, PostgreSQL JIT-compiled the statement at every execution).
     */
    static String nearDuplicates(int bands, int buckets) {
        String keyColumns = IntStream.rangeClosed(1, bands).mapToObj(b -> "k" + b).collect(Collectors.joining(", "));
        String keyArrays = IntStream.rangeClosed(1, bands).mapToObj(b -> "$" + (5 + b) + "::bigint[]")
                .collect(Collectors.joining(", "));
        String agreement = "$" + (bands + 8);
        String branches = IntStream.rangeClosed(1, bands)
                .mapToObj(b -> BAND.formatted(b, agreement, BUCKET.formatted("m.published_at")))
                .collect(Collectors.joining("\nunion all\n"));
        return """
                select c.i, s.story_id
                from (select i, tenant, brand_id, lo, hi, %1$s, cast(signature as int[]) as signature, excluded
                      from unnest($1::int[], $2::text[], $3::text[], $4::timestamptz[], $5::timestamptz[], %2$s,
                                  $%3$d::text[], $%4$d::uuid[])
                           as u(i, tenant, brand_id, lo, hi, %1$s, signature, excluded)) c
                cross join lateral (
                  select story_id
                  from (values %8$s) as d(n)
                  cross join lateral (select %6$s + d.n as bucket) b
                  cross join lateral (
                %5$s
                  ) candidate
                  where b.bucket <= %7$s
                  order by published_at, id
                  limit 1) s""".formatted(keyColumns, keyArrays, bands + 6, bands + 7, branches,
                BUCKET.formatted("c.lo"), BUCKET.formatted("c.hi"),
                IntStream.range(0, buckets).mapToObj(n -> "(" + n + ")").collect(Collectors.joining(", ")));
    }

    /**
     * A mention whose story is wanted: its brand, fingerprint and publication window; {@code excluded} is a stored
     * mention not to be found (an edited mention looking for its new story must not find its own former text), or null.
     */
    public record Probe(String tenant, String brandId, TextFingerprint fingerprint, Instant from, Instant to,
                        UUID excluded) {
    }

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

    private final Pool client;
    private final String nearDuplicates;

    public MentionRepository(Pool client, ListeningConfig config) {
        this.client = client;
        // a window of 2 × story-window spans at most this many buckets
        long window = 2 * config.enrich().storyWindow().toSeconds();
        this.nearDuplicates = nearDuplicates(TextFingerprint.BANDS,
                (int) ((window + BUCKET_LENGTH.toSeconds() - 1) / BUCKET_LENGTH.toSeconds()) + 1);
    }

    /**
     * For each probe, in order, the story of the earliest mention of its brand published within [from, to] that
     * shares a band key with it and agrees on at least {@link TextFingerprint#MIN_AGREEMENT} minimums, or null.
     * PostgreSQL checks the agreement, so no candidate row travels. Committed
     * mentions only: two copies stored at once (by two transactions, or in one batch) may start two stories, and
     * the next copy joins the earliest.
     */
    public Uni<List<UUID>> ofNearDuplicates(List<Probe> probes) {
        int n = probes.size();
        if (n == 0) {
            return Uni.createFrom().item(List.of());
        }
        Integer[] index = new Integer[n];
        String[] tenants = new String[n];
        String[] brands = new String[n];
        OffsetDateTime[] from = new OffsetDateTime[n];
        OffsetDateTime[] to = new OffsetDateTime[n];
        Long[][] keys = new Long[TextFingerprint.BANDS][n];
        String[] signatures = new String[n];
        UUID[] excluded = new UUID[n];
        for (int i = 0; i < n; i++) {
            Probe p = probes.get(i);
            index[i] = i;
            tenants[i] = p.tenant();
            brands[i] = p.brandId();
            from[i] = p.from().atOffset(ZoneOffset.UTC);
            to[i] = p.to().atOffset(ZoneOffset.UTC);
            long[] probeKeys = p.fingerprint().keys(p.tenant(), p.brandId());
            for (int b = 0; b < TextFingerprint.BANDS; b++) {
                keys[b][i] = probeKeys[b];
            }
            signatures[i] = Arrays.stream(p.fingerprint().signature()).mapToObj(Integer::toString)
                    .collect(Collectors.joining(",", "{", "}"));
            excluded[i] = p.excluded();
        }
        Tuple parameters = Tuple.tuple().addArrayOfInteger(index).addArrayOfString(tenants).addArrayOfString(brands)
                .addArrayOfOffsetDateTime(from).addArrayOfOffsetDateTime(to);
        for (Long[] band : keys) {
            parameters.addArrayOfLong(band);
        }
        parameters.addArrayOfString(signatures).addArrayOfUUID(excluded).addInteger(TextFingerprint.MIN_AGREEMENT);
        return client.preparedQuery(nearDuplicates).execute(parameters).map(rows -> {
            UUID[] story = new UUID[n];
            for (Row row : rows) {
                story[row.getInteger(0)] = row.getUUID(1);
            }
            return Arrays.asList(story);
        });
    }

    /** The mentions in one statement (column arrays): a firehose batch no longer costs a statement per mention. */
    Uni<Void> insertAll(List<Mention> mentions) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into mention (id, tenant, brand_id, source, kind, owned_channel, author, author_reach, text, url,
                                             language, published_at, received_at, source_id, external_id, sentiment_label,
                                             sentiment_score, story_id, signature, story_keys, search_text, matched_query_ids, recorded_via_api, quoted_url,
                                             published_at_estimated)
                        select cast(id as uuid), tenant, brand_id, source, kind, cast(owned_channel as boolean), author,
                               cast(author_reach as bigint), text, url, language, cast(published_at as timestamptz),
                               cast(received_at as timestamptz), cast(source_id as uuid), external_id, sentiment_label,
                               cast(sentiment_score as double precision), cast(story_id as uuid), cast(signature as int[]),
                               cast(story_keys as bigint[]), search_text, cast(matched_query_ids as uuid[]),
                               cast(recorded_via_api as boolean), quoted_url, cast(published_at_estimated as boolean)
                        from unnest(cast(:ids as text[]), cast(:tenants as text[]), cast(:brands as text[]),
                                    cast(:sources as text[]), cast(:kinds as text[]), cast(:owned as text[]),
                                    cast(:authors as text[]), cast(:reaches as text[]), cast(:texts as text[]),
                                    cast(:urls as text[]), cast(:languages as text[]), cast(:published as text[]),
                                    cast(:received as text[]), cast(:sourceIds as text[]), cast(:externalIds as text[]),
                                    cast(:sentiments as text[]), cast(:scores as text[]), cast(:stories as text[]),
                                    cast(:signatures as text[]), cast(:storyKeys as text[]),
                                    cast(:searchTexts as text[]), cast(:matched as text[]), cast(:viaApi as text[]),
                                    cast(:quoted as text[]), cast(:estimated as text[]))
                             as t(id, tenant, brand_id, source, kind, owned_channel, author, author_reach, text, url, language,
                                  published_at, received_at, source_id, external_id, sentiment_label, sentiment_score,
                                  story_id, signature, story_keys, search_text,
                                  matched_query_ids, recorded_via_api, quoted_url, published_at_estimated)""")
                .setParameter("ids", Columns.of(mentions, m -> m.id))
                .setParameter("tenants", Columns.of(mentions, m -> m.tenant))
                .setParameter("brands", Columns.of(mentions, m -> m.brandId))
                .setParameter("sources", Columns.of(mentions, m -> m.source))
                .setParameter("kinds", Columns.of(mentions, m -> m.kind))
                .setParameter("owned", Columns.of(mentions, m -> m.ownedChannel))
                .setParameter("authors", Columns.of(mentions, m -> m.author))
                .setParameter("reaches", Columns.of(mentions, m -> m.authorReach))
                .setParameter("texts", Columns.of(mentions, m -> m.text))
                .setParameter("urls", Columns.of(mentions, m -> m.url))
                .setParameter("languages", Columns.of(mentions, m -> m.language))
                .setParameter("published", Columns.of(mentions, m -> m.publishedAt))
                .setParameter("received", Columns.of(mentions, m -> m.receivedAt))
                .setParameter("sourceIds", Columns.of(mentions, m -> m.sourceId))
                .setParameter("externalIds", Columns.of(mentions, m -> m.externalId))
                .setParameter("sentiments", Columns.of(mentions, m -> m.sentimentLabel))
                .setParameter("scores", Columns.of(mentions, m -> m.sentimentScore))
                .setParameter("stories", Columns.of(mentions, m -> m.storyId))
                // PostgreSQL array literals, as for matched below
                .setParameter("signatures", Columns.of(mentions, m -> m.signature == null ? null
                        : Arrays.stream(m.signature).mapToObj(Integer::toString).collect(Collectors.joining(",", "{", "}"))))
                .setParameter("storyKeys", Columns.of(mentions, m -> m.storyKeys == null ? null
                        : Arrays.stream(m.storyKeys).mapToObj(Long::toString).collect(Collectors.joining(",", "{", "}"))))
                .setParameter("searchTexts", Columns.of(mentions, m -> m.searchText))
                .setParameter("viaApi", Columns.of(mentions, m -> m.recordedViaApi))
                // a PostgreSQL array literal per row: unnest would flatten an array of arrays
                .setParameter("matched", Columns.of(mentions, m -> Arrays.stream(m.matchedQueryIds)
                        .map(UUID::toString).collect(Collectors.joining(",", "{", "}"))))
                .setParameter("quoted", Columns.of(mentions, m -> m.quotedUrl))
                .setParameter("estimated", Columns.of(mentions, m -> m.publishedAtEstimated))
                .executeUpdate())
                .replaceWithVoid();
    }

    /**
     * Mentions of the brand matching the filter, newest first, after the cursor: up to {@code limit} + 1 (one more than
     * asked tells that a page follows); in the caller's session.
     */
    Uni<List<Mention>> search(String tenant, String brandId, MentionFilter filter, MentionCursor after, int limit) {
        StringBuilder sql = new StringBuilder(
                "select id from mention where tenant = :tenant and brand_id = :brand and withdrawn_at is null");
        Map<String, Object> parameters = new HashMap<>(Map.of("tenant", tenant, "brand", brandId));
        if (filter.text() != null) {
            sql.append(" and search @@ websearch_to_tsquery('simple', :text)");
            parameters.put("text", SearchText.of(filter.text()));
        }
        condition(sql, parameters, "sentiment_label = :sentiment", "sentiment", filter.sentiment());
        condition(sql, parameters, "language = :language", "language", filter.language());
        condition(sql, parameters, "source = :source", "source", filter.source());
        // containment (not = any) so the GIN index on matched_query_ids serves it
        condition(sql, parameters, "matched_query_ids @> array[cast(:queryId as uuid)]", "queryId", filter.queryId());
        condition(sql, parameters, "published_at >= :from", "from", filter.from());
        condition(sql, parameters, "published_at < :to", "to", filter.to());
        if (filter.stories()) {
            sql.append(" and id = story_id");
        }
        if (after != null) {
            sql.append(" and (published_at < :afterTime or (published_at = :afterTime and id < :afterId))");
            parameters.put("afterTime", after.publishedAt());
            parameters.put("afterId", after.id());
        }
        sql.append(" order by published_at desc, id desc limit ").append(limit + 1);
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql.toString(), UUID.class);
            parameters.forEach(query::setParameter);
            return query.getResultList();
        }).chain(this::inOrder);
    }

    /** The mentions of these ids, in the order of the ids. */
    Uni<List<Mention>> inOrder(List<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Mention.<Mention>list("id in ?1", ids).map(found -> {
            Map<UUID, Mention> byId = new HashMap<>();
            found.forEach(m -> byId.put(m.id, m));
            return ids.stream().map(byId::get).toList();
        });
    }

    private static void condition(StringBuilder sql, Map<String, Object> parameters, String condition,
                                  String name, Object value) {
        if (value != null) {
            sql.append(" and ").append(condition);
            parameters.put(name, value);
        }
    }

    /** How many standing mentions each story of the page holds; in the caller's session. */
    Uni<Map<UUID, Long>> storySizes(String tenant, String brandId, List<Mention> page) {
        if (page.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select story_id, count(*) from mention
                        where tenant = :tenant and brand_id = :brand and story_id in (:stories) and withdrawn_at is null
                        group by story_id""", Object[].class)
                .setParameter("tenant", tenant)
                .setParameter("brand", brandId)
                .setParameter("stories", page.stream().map(m -> m.storyId).distinct().toList())
                .getResultList())
                .map(rows -> {
                    Map<UUID, Long> sizes = new HashMap<>();
                    for (Object[] row : rows) {
                        sizes.put((UUID) row[0], ((Number) row[1]).longValue());
                    }
                    return sizes;
                });
    }

    /** A source's item already stored. */
    record HeardItem(UUID sourceId, String externalId) {
    }

    /** The stored (source, item) pairs among these sources and items: a superset of the pairs asked, one query. */
    Uni<List<HeardItem>> heardAmong(List<UUID> sourceIds, List<String> externalIds) {
        return Mention.find("sourceId in ?1 and externalId in ?2", sourceIds, externalIds)
                .project(HeardItem.class).list();
    }

    /** The mention recorded through the API with this external id for the brand and source, or null. */
    Uni<Mention> recordedViaApi(String tenant, String brandId, String source, String externalId) {
        return Mention.find("tenant = ?1 and brandId = ?2 and source = ?3 and externalId = ?4 and recordedViaApi = true",
                tenant, brandId, source, externalId).firstResult();
    }

    /**
     * The stored mention of a source's item, whichever brand the source is for, locked until the caller's transaction
     * ends: the stream and reconciliation may bring the same edit at once, and the second must see the first's text.
     */
    Uni<Mention> ofItem(UUID sourceId, String externalId) {
        return Mention.find("sourceId = ?1 and externalId = ?2", sourceId, externalId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /**
     * When this mention headed a story others joined, they pass to the earliest of them (still heard first), so the
     * story keeps a head that is in it; in the caller's transaction.
     */
    Uni<Void> handOverStory(Mention mention) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        with heir as (select id from mention where story_id = :story and id <> :story
                                      order by withdrawn_at is not null, published_at, id limit 1)
                        update mention set story_id = (select id from heir)
                        where story_id = :story and id <> :story and exists (select 1 from heir)""")
                .setParameter("story", mention.id)
                .executeUpdate())
                .replaceWithVoid();
    }

    /**
     * Ids of a source's items published since {@code since} and not withdrawn, newest first (ids compared as numbers:
     * Mastodon's), below {@code below} when it is not null.
     */
    Uni<List<String>> recentItems(UUID sourceId, Instant since, String below, int limit) {
        String sql = "select external_id from mention where source_id = :source and withdrawn_at is null"
                + " and published_at >= :since and external_id ~ '^[0-9]{1,30}$'"
                + (below == null ? "" : " and cast(external_id as numeric) < cast(cast(:below as text) as numeric)")
                + " order by cast(external_id as numeric) desc limit :limit";
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql, String.class)
                    .setParameter("source", sourceId)
                    .setParameter("since", since)
                    .setParameter("limit", limit);
            if (below != null) {
                query.setParameter("below", below);
            }
            return query.getResultList();
        });
    }

    /** The brand's newest standing mentions, of one source when {@code sourceId} is not null. */
    Uni<List<Mention>> latest(String tenant, String brandId, UUID sourceId, int limit) {
        var query = sourceId == null
                ? Mention.<Mention>find("tenant = ?1 and brandId = ?2 and withdrawnAt is null order by publishedAt desc",
                        tenant, brandId)
                : Mention.<Mention>find("tenant = ?1 and brandId = ?2 and sourceId = ?3 and withdrawnAt is null"
                        + " order by publishedAt desc", tenant, brandId, sourceId);
        return query.page(0, limit).list();
    }

    /** The brand's mention of this id, or null. */
    Uni<Mention> findForBrand(String tenant, String brandId, UUID id) {
        return Mention.find("id = ?1 and tenant = ?2 and brandId = ?3", id, tenant, brandId).firstResult();
    }

    /**
     * The brand's standing mentions published in [from, to], newest first, at most {@code bound}: id, text, language,
     * source, author; in the caller's session.
     */
    Uni<List<Object[]>> previewWindow(String tenant, String brandId, Instant from, Instant to, int bound) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select id, text, language, source, author from mention
                        where tenant = :tenant and brand_id = :brand and withdrawn_at is null
                          and published_at >= :from and published_at <= :to
                        order by published_at desc, id desc limit :bound""", Object[].class)
                .setParameter("tenant", tenant)
                .setParameter("brand", brandId)
                .setParameter("from", from)
                .setParameter("to", to)
                .setParameter("bound", bound)
                .getResultList());
    }

    /**
     * The Kafka ingest's batch in one statement on the SQL client (no Hibernate session); answers the ids it stored:
     * those an earlier attempt stored are left as they are.
     */
    Uni<Set<UUID>> insertIngested(List<Mention> rows) {
        return client.preparedQuery(INSERT).execute(insertParameters(rows)).map(inserted -> {
            Set<UUID> fresh = new HashSet<>();
            inserted.forEach(row -> fresh.add(row.getUUID(0)));
            return fresh;
        });
    }

    /** What an earlier attempt stored of these mentions (story_id, received_at, matched_query_ids), by id. */
    Uni<Map<UUID, Row>> storedBefore(List<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return client.preparedQuery(STORED_BEFORE).execute(Tuple.of(ids.toArray(UUID[]::new))).map(found -> {
            Map<UUID, Row> byId = new HashMap<>();
            found.forEach(row -> byId.put(row.getUUID("id"), row));
            return byId;
        });
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
