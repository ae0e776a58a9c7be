package io.tribu.listening.mention;

import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import java.util.List;
import io.tribu.listening.config.ListeningConfig;
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
import java.util.Locale;
import io.quarkus.hibernate.reactive.panache.Panache;
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
    private final MentionRepository repository;
    private final QuerySync queries;
    private final Clock clock;

    public MentionService(Outbox outbox, ListeningConfig config,
                          Enricher enricher, Vertx vertx,
                          AlertService alerts, MentionRepository repository, QuerySync queries, Clock clock) {
        this.outbox = outbox;
        this.mentionsTopic = config.topics().mentions();
        this.enricher = enricher;
        this.vertx = vertx;
        this.storyWindow = config.enrich().storyWindow();
        this.alerts = alerts;
        this.repository = repository;
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
                : repository.recordedViaApi(tenant, brandId, heard.source(), heard.externalId()))
                .chain(existing -> existing != null
                        ? Uni.createFrom().failure(new AlreadyRecorded(existing))
                        : store(List.of(new Heard(tenant, brandId, heard))).map(list -> list.get(0))));
        if (heard.externalId() == null) {
            return stored;
        }
        return stored.onFailure(Outages::isUniqueViolation).recoverWithUni(failure -> Panache.withSession(
                        () -> repository.recordedViaApi(tenant, brandId, heard.source(), heard.externalId()))
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
        return repository.ofItem(edited.sourceId(), edited.externalId()).chain(stored -> {
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
                : repository.ofNearDuplicates(List.of(new MentionRepository.Probe(edited.tenant, edited.brandId,
                        new TextFingerprint(edited.signature), edited.publishedAt.minus(storyWindow),
                        edited.publishedAt.plus(storyWindow), edited.id))).map(found -> found.get(0));
        return nearest.chain(story -> {
            if (was.equals(story)) {
                return Uni.createFrom().voidItem();
            }
            edited.storyId = story != null ? story : edited.id;
            return was.equals(edited.id) ? repository.handOverStory(edited) : Uni.createFrom().voidItem();
        });
    }

    /**
     * A source's item deleted at its source: the stored mention is marked withdrawn, loses its text (its author took
     * it back) and leaves searches and its story, a mention.withdrawn event is emitted, and the keyword alerts it
     * raised are retracted, in the caller's transaction. Emits null when the item was never stored or was withdrawn
     * before.
     */
    public Uni<Mention> withdraw(UUID sourceId, String externalId) {
        return repository.ofItem(sourceId, externalId).chain(stored -> {
            if (stored == null || stored.withdrawnAt != null) {
                return Uni.createFrom().nullItem();
            }
            stored.withdrawnAt = clock.instant();
            stored.text = "";
            stored.searchText = "";
            stored.signature = null;
            stored.storyKeys = null;
            Uni<Void> leaveStory = stored.storyId.equals(stored.id) ? repository.handOverStory(stored)
                    : Uni.createFrom().voidItem().invoke(() -> stored.storyId = stored.id);
            return leaveStory
                    .chain(() -> outbox.append(mentionsTopic, stored.tenant, stored.brandId, MentionWithdrawn.TYPE,
                            MentionWithdrawn.of(stored)))
                    .chain(() -> alerts.onMentionWithdrawn(stored.id))
                    .replaceWith(stored);
        });
    }

    private Uni<Set<String>> alreadyHeard(List<Heard> heard) {
        List<UUID> sources = heard.stream().map(h -> h.mention().sourceId()).filter(Objects::nonNull).distinct().toList();
        if (sources.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        List<String> items = heard.stream().filter(h -> h.mention().sourceId() != null)
                .map(h -> h.mention().externalId()).distinct().toList();
        return repository.heardAmong(sources, items).map(pairs -> pairs.stream()
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
                .call(analysed -> repository.insertAll(analysed.stream().map(Analysed::mention).toList()))
                .call(analysed -> outbox.appendAll(analysed.stream().map(a -> new Outbox.Pending(mentionsTopic,
                        a.mention().tenant, a.mention().brandId, MentionRecorded.TYPE,
                        MentionRecorded.of(a.mention(), a.matches()))).toList()))
                .map(analysed -> analysed.stream().map(Analysed::mention).toList())
                .call(mentions -> Multi.createFrom().iterable(mentions)
                        .onItem().transformToUniAndConcatenate(m -> alerts.onMentionStored(m.tenant, m.brandId, m.id,
                                m.text, m.publishedAt))
                        .collect().last());
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
        return repository.ofNearDuplicates(fingerprinted.stream().map(m -> new MentionRepository.Probe(m.tenant, m.brandId,
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
        return repository.search(tenant, brandId, filter, after, limit).chain(rows -> {
            boolean more = rows.size() > limit;
            List<Mention> page = more ? rows.subList(0, limit) : rows;
            Mention last = page.isEmpty() ? null : page.get(page.size() - 1);
            String next = more ? new MentionCursor(last.publishedAt, last.id).encode() : null;
            return repository.storySizes(tenant, brandId, page)
                    .map(sizes -> new MentionPage(page.stream()
                            .map(m -> new MentionHit(MentionView.of(m), sizes.getOrDefault(m.storyId, 1L)))
                            .toList(), next));
        });
    }

    /**
     * The ids of a source's items published since {@code since} and still standing, newest first, below {@code below}
     * (null: from the newest); in the caller's session. Numeric ids only (Mastodon's).
     */
    public Uni<List<String>> recentItems(UUID sourceId, Instant since, String below, int limit) {
        return repository.recentItems(sourceId, since, below, limit);
    }

    @WithSession
    public Uni<List<Mention>> latest(String tenant, String brandId, UUID sourceId, int limit) {
        return repository.latest(tenant, brandId, sourceId, limit);
    }

    @WithSession
    public Uni<Mention> find(String tenant, String brandId, UUID id) {
        return repository.findForBrand(tenant, brandId, id);
    }
}
