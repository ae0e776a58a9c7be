package io.tribu.listening.mention;

import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import java.util.Arrays;
import java.util.List;
import io.tribu.listening.config.ListeningConfig;
import io.tribu.listening.sql.Columns;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.tribu.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;

import io.tribu.listening.alert.AlertService;
import io.tribu.listening.enrich.Enricher;
import io.tribu.listening.enrich.Enrichment;
import io.tribu.listening.enrich.SearchText;
import io.tribu.listening.enrich.TextFingerprint;
import io.tribu.platform.json.StrictJson;
import io.tribu.platform.problem.Outages;
import io.vertx.mutiny.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import io.quarkus.hibernate.reactive.panache.Panache;
import org.hibernate.reactive.mutiny.Mutiny;
import java.util.UUID;
import io.tribu.listening.query.MatchedQuery;
import io.tribu.listening.query.MentionDocument;
import io.tribu.listening.query.QuerySync;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import io.smallrye.mutiny.Multi;

@ApplicationScoped
public class MentionService {

    private final Outbox outbox;
    private final String mentionsTopic;
    private final Enricher enricher;
    private final Vertx vertx;
    private final Duration storyWindow;
    private final AlertService alerts;
    private final Stories stories;
    private final QuerySync queries;
    private final Clock clock;

    public MentionService(Outbox outbox, ListeningConfig config,
                          Enricher enricher, Vertx vertx,
                          AlertService alerts, Stories stories, QuerySync queries, Clock clock) {
        this.outbox = outbox;
        this.mentionsTopic = config.topics().mentions();
        this.enricher = enricher;
        this.vertx = vertx;
        this.storyWindow = config.enrich().storyWindow();
        this.alerts = alerts;
        this.stories = stories;
        this.queries = queries;
        this.clock = clock;
    }

    /** A mention heard for a brand, as the callers hand it over. */
    public record Heard(String tenant, String brandId, NewMention mention) {
    }

    /** Stores the mention and its event in one transaction, so neither exists without the other. */
    @WithTransaction
    @WithSpan
    public Uni<Mention> record(String tenant, @SpanAttribute("tribu.brand.id") String brandId, NewMention heard) {
        return store(List.of(new Heard(tenant, brandId, heard))).map(stored -> stored.get(0));
    }

    /** The mention stored first under the same (tenant, brand, source, externalId): nothing was stored again. */
    public static final class AlreadyRecorded extends RuntimeException {
        private final transient Mention mention;

        AlreadyRecorded(Mention mention) {
            super("already recorded as " + mention.id, null, false, false);
            this.mention = mention;
        }

        public Mention mention() {
            return mention;
        }
    }

    /**
     * Stores a mention recorded through the API, with its event, in one transaction. One that carries an
     * externalId already recorded for the brand and source stores nothing and fails with {@link AlreadyRecorded}:
     * found before storing, or (two requests at once) by the unique index, after which the first one is read.
     */
    @WithSpan
    public Uni<Mention> recordFromApi(String tenant, @SpanAttribute("tribu.brand.id") String brandId, NewMention heard) {
        Uni<Mention> stored = Panache.withTransaction(() -> (heard.externalId() == null
                ? Uni.createFrom().<Mention>nullItem()
                : Mention.recordedViaApi(tenant, brandId, heard.source(), heard.externalId()))
                .chain(existing -> existing != null
                        ? Uni.createFrom().failure(new AlreadyRecorded(existing))
                        : store(List.of(new Heard(tenant, brandId, heard))).map(list -> list.get(0))));
        if (heard.externalId() == null) {
            return stored;
        }
        return stored.onFailure(Outages::isUniqueViolation).recoverWithUni(failure -> Panache.withSession(
                        () -> Mention.recordedViaApi(tenant, brandId, heard.source(), heard.externalId()))
                .chain(existing -> Uni.createFrom().failure(existing == null ? failure : new AlreadyRecorded(existing))));
    }

    /**
     * Stores a mention heard from a source unless that source's item was stored before; emits
     * {@code null} for an item already heard. Runs inside the caller's transaction.
     */
    public Uni<Mention> recordOnce(String tenant, String brandId, NewMention heard) {
        return recordAllOnce(List.of(new Heard(tenant, brandId, heard)))
                .map(stored -> stored.isEmpty() ? null : stored.get(0));
    }

    /**
     * Stores the mentions whose source item was not stored before (nor earlier in the list), with their events,
     * inside the caller's transaction; answers those stored. A batch costs one query to tell the new ones, one
     * hop off the event loop to enrich them all, one statement for their stories, and one flush.
     */
    @WithSpan
    public Uni<List<Mention>> recordAllOnce(List<Heard> heard) {
        return alreadyHeard(heard).chain(known -> {
            Set<String> seen = new HashSet<>(known);
            List<Heard> fresh = heard.stream()
                    .filter(h -> h.mention().sourceId() == null || seen.add(itemKey(h.mention().sourceId(),
                            h.mention().externalId())))
                    .toList();
            return fresh.isEmpty() ? Uni.createFrom().item(List.<Mention>of()) : store(fresh);
        });
    }

    /**
     * A source's item edited at its source: the stored mention takes the new text, link and quoted post, is analysed
     * again (language, sentiment, matched queries, story) and a mention.updated event is emitted; keyword alert rules
     * see the edit (see {@link AlertService#onMentionEdited}); all in the caller's transaction. Emits null when the item
     * was never stored or was withdrawn; an edit that brings what is stored already (heard on the stream and again by
     * reconciliation, or after a reconnect) changes nothing, emits no event and alerts nobody.
     */
    public Uni<Mention> revise(String tenant, String brandId, NewMention edited) {
        return Mention.ofItem(edited.sourceId(), edited.externalId()).chain(stored -> {
            if (stored == null || stored.withdrawnAt != null) {
                return Uni.createFrom().nullItem();
            }
            if (Objects.equals(stored.text, StrictJson.cleaned(edited.text()))
                    && Objects.equals(stored.url, StrictJson.cleaned(edited.url()))
                    && Objects.equals(stored.quotedUrl, StrictJson.cleaned(edited.quotedUrl()))) {
                return Uni.createFrom().item(stored);
            }
            String before = stored.text;
            return vertx.executeBlocking(Uni.createFrom().item(() -> analyse(new Heard(tenant, brandId, edited))), false)
                    .chain(fresh -> {
                        Mention now = fresh.mention();
                        stored.text = now.text;
                        stored.url = now.url;
                        stored.quotedUrl = now.quotedUrl;
                        stored.language = now.language;
                        stored.sentimentLabel = now.sentimentLabel;
                        stored.sentimentScore = now.sentimentScore;
                        stored.searchText = now.searchText;
                        stored.signature = now.signature;
                        stored.storyKeys = now.storyKeys;
                        stored.matchedQueryIds = now.matchedQueryIds;
                        stored.editedAt = clock.instant();
                        return moveToStory(stored)
                                .chain(() -> outbox.append(mentionsTopic, stored.tenant, stored.brandId,
                                        MentionUpdated.TYPE, MentionUpdated.of(stored, fresh.matches())))
                                .chain(() -> alerts.onMentionEdited(stored.tenant, stored.brandId, stored.id, before,
                                        stored.text, stored.publishedAt));
                    })
                    .replaceWith(stored);
        });
    }

    /**
     * An edited mention joins the story its new text belongs to: the earliest near-duplicate's (itself excluded), else
     * its own. When that is the story it was in, nothing moves (a typo fixed). When it leaves a story it headed, the
     * mentions that had joined it stay together under the earliest of them.
     */
    private Uni<Void> moveToStory(Mention edited) {
        UUID was = edited.storyId;
        Uni<UUID> nearest = edited.signature == null ? Uni.createFrom().nullItem()
                : stories.ofNearDuplicates(List.of(new Stories.Probe(edited.tenant, edited.brandId,
                        new TextFingerprint(edited.signature), edited.publishedAt.minus(storyWindow),
                        edited.publishedAt.plus(storyWindow), edited.id))).map(found -> found.get(0));
        return nearest.chain(story -> {
            if (was.equals(story)) {
                return Uni.createFrom().voidItem();
            }
            edited.storyId = story != null ? story : edited.id;
            return was.equals(edited.id) ? edited.handOverStory() : Uni.createFrom().voidItem();
        });
    }

    /**
     * A source's item deleted at its source: the stored mention is marked withdrawn, loses its text (its author took
     * it back) and leaves searches and its story, a mention.withdrawn event is emitted, and the keyword alerts it
     * raised are retracted, in the caller's transaction. Emits null when the item was never stored or was withdrawn
     * before.
     */
    public Uni<Mention> withdraw(UUID sourceId, String externalId) {
        return Mention.ofItem(sourceId, externalId).chain(stored -> {
            if (stored == null || stored.withdrawnAt != null) {
                return Uni.createFrom().nullItem();
            }
            stored.withdrawnAt = clock.instant();
            stored.text = "";
            stored.searchText = "";
            stored.signature = null;
            stored.storyKeys = null;
            Uni<Void> leaveStory = stored.storyId.equals(stored.id) ? stored.handOverStory()
                    : Uni.createFrom().voidItem().invoke(() -> stored.storyId = stored.id);
            return leaveStory
                    .chain(() -> outbox.append(mentionsTopic, stored.tenant, stored.brandId, MentionWithdrawn.TYPE,
                            MentionWithdrawn.of(stored)))
                    .chain(() -> alerts.onMentionWithdrawn(stored.id))
                    .replaceWith(stored);
        });
    }

    private static Uni<Set<String>> alreadyHeard(List<Heard> heard) {
        List<UUID> sources = heard.stream().map(h -> h.mention().sourceId()).filter(Objects::nonNull).distinct().toList();
        if (sources.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        List<String> items = heard.stream().filter(h -> h.mention().sourceId() != null)
                .map(h -> h.mention().externalId()).distinct().toList();
        return Mention.heardAmong(sources, items).map(pairs -> pairs.stream()
                .map(pair -> itemKey(pair.sourceId(), pair.externalId())).collect(Collectors.toSet()));
    }

    private static String itemKey(UUID sourceId, String externalId) {
        return sourceId + "\n" + externalId;
    }

    /** A mention about to be stored with the brand's listening queries it matches. */
    record Analysed(Mention mention, List<MatchedQuery> matches) {
    }

    private Uni<List<Mention>> store(List<Heard> heard) {
        // CPU work (tens of microseconds a tweet, milliseconds an article) off the event loop; the result
        // comes back on this context, where the transaction lives; unordered: callers that are themselves blocking
        // tasks of this context (the Kafka ingest) would otherwise wait for their own end
        return vertx.executeBlocking(Uni.createFrom().item(() -> analyse(heard)), false)
                .call(analysed -> findStories(analysed.stream().map(Analysed::mention).toList()))
                .call(analysed -> insertAll(analysed.stream().map(Analysed::mention).toList()))
                .call(analysed -> outbox.appendAll(analysed.stream().map(a -> new Outbox.Pending(mentionsTopic,
                        a.mention().tenant, a.mention().brandId, MentionRecorded.TYPE,
                        MentionRecorded.of(a.mention(), a.matches()))).toList()))
                .map(analysed -> analysed.stream().map(Analysed::mention).toList())
                .call(mentions -> Multi.createFrom().iterable(mentions)
                        .onItem().transformToUniAndConcatenate(m -> alerts.onMentionStored(m.tenant, m.brandId, m.id,
                                m.text, m.publishedAt))
                        .collect().last());
    }

    /** The mentions in one statement (column arrays): a firehose batch no longer costs a statement per mention. */
    private static Uni<Void> insertAll(List<Mention> mentions) {
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
     * Enrichment, then the brand's listening queries each mention matches. A mention matching none is still
     * stored: it was heard on a source the brand configured, and a query added later can be searched back.
     */
    private List<Analysed> analyse(List<Heard> heard) {
        return heard.stream().map(this::analyse).toList();
    }

    private Analysed analyse(Heard heard) {
        return analyse(heard, UUID.randomUUID());
    }

    /** The mention enriched and matched under the id given (the Kafka ingest's ids are derived from the item). */
    Analysed analyse(Heard heard, UUID id) {
        Mention mention = toMention(heard, id, enricher.enrich(heard.mention().text(), heard.mention().language()),
                clock.instant());
        List<MatchedQuery> matches = queries.matcher().match(new MentionDocument(mention.tenant, mention.brandId,
                mention.text, mention.language, mention.source, mention.author));
        mention.matchedQueryIds = matches.stream().map(MatchedQuery::id).toArray(UUID[]::new);
        return new Analysed(mention, matches);
    }

    private static Mention toMention(Heard heard, UUID id, Enrichment enrichment, Instant receivedAt) {
        NewMention said = heard.mention();
        boolean viaApi = said.sourceId() == null;
        Mention mention = new Mention();
        mention.id = id;
        mention.tenant = heard.tenant();
        mention.brandId = heard.brandId();
        mention.sourceId = said.sourceId();
        mention.externalId = StrictJson.cleaned(said.externalId());
        mention.recordedViaApi = viaApi;
        mention.source = StrictJson.cleaned(said.source());
        mention.kind = said.kind();
        mention.ownedChannel = said.ownedChannel();
        mention.author = StrictJson.cleaned(said.author());
        mention.authorReach = said.authorReach();
        mention.text = StrictJson.cleaned(said.text());
        mention.url = StrictJson.cleaned(said.url());
        mention.language = StrictJson.cleaned(enrichment.language());
        mention.publishedAt = said.publishedAt();
        mention.publishedAtEstimated = said.publishedAtEstimated();
        mention.quotedUrl = StrictJson.cleaned(said.quotedUrl());
        mention.receivedAt = receivedAt;
        if (enrichment.sentiment() != null) {
            mention.sentimentLabel = enrichment.sentiment().label().name().toLowerCase(Locale.ROOT);
            mention.sentimentScore = enrichment.sentiment().score();
        }
        mention.searchText = SearchText.of(mention.text);
        TextFingerprint fingerprint = enrichment.fingerprint();
        mention.signature = fingerprint.signature();
        mention.storyKeys = fingerprint.keys(mention.tenant, mention.brandId);
        mention.storyId = mention.id;
        return mention;
    }

    /**
     * Joins each mention to the story of the earliest near-duplicate published within the window around it; it
     * starts its own story otherwise. Only committed mentions are seen: two copies stored by transactions running
     * at once (or by the same transaction) may start two stories; later copies join the earliest.
     */
    private Uni<Void> findStories(List<Mention> mentions) {
        List<Mention> fingerprinted = mentions.stream().filter(m -> m.signature != null).toList();
        return stories.ofNearDuplicates(fingerprinted.stream().map(m -> new Stories.Probe(m.tenant, m.brandId,
                        new TextFingerprint(m.signature), m.publishedAt.minus(storyWindow), m.publishedAt.plus(storyWindow),
                        null)).toList())
                .invoke(found -> {
                    for (int i = 0; i < found.size(); i++) {
                        if (found.get(i) != null) {
                            fingerprinted.get(i).storyId = found.get(i);
                        }
                    }
                })
                .replaceWithVoid();
    }

    /** Mentions of the brand matching the filter, newest first, after the cursor. */
    @WithSession
    public Uni<MentionPage> search(String tenant, String brandId, MentionFilter filter, MentionCursor after,
                                   int limit) {
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
            return query.getResultList()
                    .chain(MentionService::inOrder)
                    .chain(rows -> {
                        boolean more = rows.size() > limit;
                        List<Mention> page = more ? rows.subList(0, limit) : rows;
                        Mention last = page.isEmpty() ? null : page.get(page.size() - 1);
                        String next = more ? new MentionCursor(last.publishedAt, last.id).encode() : null;
                        return storySizes(session, tenant, brandId, page)
                                .map(sizes -> new MentionPage(page.stream()
                                        .map(m -> new MentionHit(MentionView.of(m), sizes.getOrDefault(m.storyId, 1L)))
                                        .toList(), next));
                    });
        });
    }

    /** The mentions of these ids, in the order of the ids. */
    private static Uni<List<Mention>> inOrder(List<UUID> ids) {
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

    private static Uni<Map<UUID, Long>> storySizes(Mutiny.Session session, String tenant, String brandId,
                                                   List<Mention> page) {
        if (page.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return session.createNativeQuery("""
                        select story_id, count(*) from mention
                        where tenant = :tenant and brand_id = :brand and story_id in (:stories) and withdrawn_at is null
                        group by story_id""", Object[].class)
                .setParameter("tenant", tenant)
                .setParameter("brand", brandId)
                .setParameter("stories", page.stream().map(m -> m.storyId).distinct().toList())
                .getResultList()
                .map(rows -> {
                    Map<UUID, Long> sizes = new HashMap<>();
                    for (Object[] row : rows) {
                        sizes.put((UUID) row[0], ((Number) row[1]).longValue());
                    }
                    return sizes;
                });
    }

    /**
     * The ids of a source's items published since {@code since} and still standing, newest first, below {@code below}
     * (null: from the newest); in the caller's session. Numeric ids only (Mastodon's).
     */
    public Uni<List<String>> recentItems(UUID sourceId, Instant since, String below, int limit) {
        return Mention.recentItems(sourceId, since, below, limit);
    }

    @WithSession
    public Uni<List<Mention>> latest(String tenant, String brandId, UUID sourceId, int limit) {
        return Mention.latest(tenant, brandId, sourceId, limit);
    }

    @WithSession
    public Uni<Mention> find(String tenant, String brandId, UUID id) {
        return Mention.findForBrand(tenant, brandId, id);
    }
}
