package io.tribu.listening.mention;

import java.util.List;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.tribu.listening.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.tribu.listening.alert.AlertService;
import io.tribu.listening.enrich.Enricher;
import io.tribu.listening.enrich.Enrichment;
import io.tribu.listening.enrich.SearchText;
import io.tribu.listening.enrich.TextFingerprint;
import io.vertx.mutiny.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import io.quarkus.hibernate.reactive.panache.Panache;
import org.hibernate.reactive.mutiny.Mutiny;
import java.util.UUID;

@ApplicationScoped
public class MentionService {

    private final Outbox outbox;
    private final String mentionsTopic;
    private final Enricher enricher;
    private final Vertx vertx;
    private final Duration storyWindow;
    private final AlertService alerts;
    private final Stories stories;

    public MentionService(Outbox outbox, @ConfigProperty(name = "tribu.topics.mentions") String mentionsTopic,
                          Enricher enricher, Vertx vertx,
                          @ConfigProperty(name = "tribu.enrich.story-window") Duration storyWindow,
                          AlertService alerts, Stories stories) {
        this.outbox = outbox;
        this.mentionsTopic = mentionsTopic;
        this.enricher = enricher;
        this.vertx = vertx;
        this.storyWindow = storyWindow;
        this.alerts = alerts;
        this.stories = stories;
    }

    /** Stores the mention and its event in one transaction, so neither exists without the other. */
    @WithTransaction
    public Uni<Mention> record(String tenant, String brandId, NewMention heard) {
        return store(tenant, brandId, heard);
    }

    /**
     * Stores a mention heard from a source unless that source's item was stored before; emits
     * {@code null} for an item already heard. Runs inside the caller's transaction.
     */
    public Uni<Mention> recordOnce(String tenant, String brandId, NewMention heard) {
        return Mention.alreadyHeard(heard.sourceId(), heard.externalId())
                .chain(known -> known ? Uni.createFrom().nullItem() : store(tenant, brandId, heard));
    }

    private Uni<Mention> store(String tenant, String brandId, NewMention heard) {
        // CPU work (tens of microseconds a tweet, milliseconds an article) off the event loop; the result
        // comes back on this context, where the transaction lives; unordered: callers that are themselves blocking
        // tasks of this context (the Kafka ingest) would otherwise wait for their own end
        return vertx.executeBlocking(Uni.createFrom().item(() -> enricher.enrich(heard.text(), heard.language())), false)
                .chain(enrichment -> store(tenant, brandId, heard, enrichment));
    }

    private Uni<Mention> store(String tenant, String brandId, NewMention heard, Enrichment enrichment) {
        Mention mention = new Mention();
        mention.id = UUID.randomUUID();
        mention.tenant = tenant;
        mention.brandId = brandId;
        mention.sourceId = heard.sourceId();
        mention.externalId = heard.externalId();
        mention.source = heard.source();
        mention.kind = heard.kind();
        mention.ownedChannel = heard.ownedChannel();
        mention.author = heard.author();
        mention.authorReach = heard.authorReach();
        mention.text = heard.text();
        mention.url = heard.url();
        mention.language = enrichment.language();
        mention.publishedAt = heard.publishedAt();
        mention.receivedAt = Instant.now();
        if (enrichment.sentiment() != null) {
            mention.sentimentLabel = enrichment.sentiment().label().name().toLowerCase(Locale.ROOT);
            mention.sentimentScore = enrichment.sentiment().score();
        }
        mention.searchText = SearchText.of(heard.text());
        TextFingerprint fingerprint = enrichment.fingerprint();
        if (fingerprint.isUsable()) {
            mention.fingerprint = fingerprint.bits();
            mention.fpBand0 = fingerprint.band(0);
            mention.fpBand1 = fingerprint.band(1);
            mention.fpBand2 = fingerprint.band(2);
            mention.fpBand3 = fingerprint.band(3);
            mention.fpBand4 = fingerprint.band(4);
        }
        return storyOf(mention, fingerprint)
                .invoke(storyId -> mention.storyId = storyId)
                .chain(storyId -> mention.<Mention>persist())
                .call(stored -> outbox.append(mentionsTopic, tenant, brandId, MentionRecorded.TYPE,
                        MentionRecorded.of(stored)))
                .call(stored -> alerts.onMentionStored(tenant, brandId, stored.id, stored.text, stored.publishedAt));
    }

    /**
     * The story of the earliest near-duplicate published within the window around this mention, or a new story.
     * Only committed mentions are seen: two copies stored by transactions running at once (or by the same
     * transaction) may start two stories; later copies join the earliest.
     */
    private Uni<UUID> storyOf(Mention mention, TextFingerprint fingerprint) {
        if (!fingerprint.isUsable()) {
            return Uni.createFrom().item(mention.id);
        }
        return stories.ofNearDuplicate(mention.tenant, mention.brandId, fingerprint,
                        mention.publishedAt.minus(storyWindow), mention.publishedAt.plus(storyWindow))
                .map(story -> story != null ? story : mention.id);
    }

    /** Mentions of the brand matching the filter, newest first, after the cursor. */
    @WithSession
    public Uni<MentionPage> search(String tenant, String brandId, MentionFilter filter, MentionCursor after,
                                   int limit) {
        StringBuilder sql = new StringBuilder("select id from mention where tenant = :tenant and brand_id = :brand");
        Map<String, Object> parameters = new HashMap<>(Map.of("tenant", tenant, "brand", brandId));
        if (filter.text() != null) {
            sql.append(" and search @@ websearch_to_tsquery('simple', :text)");
            parameters.put("text", SearchText.of(filter.text()));
        }
        condition(sql, parameters, "sentiment_label = :sentiment", "sentiment", filter.sentiment());
        condition(sql, parameters, "language = :language", "language", filter.language());
        condition(sql, parameters, "source = :source", "source", filter.source());
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
                        where tenant = :tenant and brand_id = :brand and story_id in (:stories)
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

    @WithSession
    public Uni<List<Mention>> latest(String tenant, String brandId, UUID sourceId, int limit) {
        return Mention.latest(tenant, brandId, sourceId, limit);
    }

    @WithSession
    public Uni<Mention> find(String tenant, String brandId, UUID id) {
        return Mention.findForBrand(tenant, brandId, id);
    }
}
