package io.tribu.analytics.mention;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.smallrye.mutiny.Uni;
import io.tribu.analytics.event.BatchRows;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The {@code mention_fact} table: one {@link MentionFact} per mention heard of. */
@ApplicationScoped
public class MentionLedger {

    private final ObjectMapper json;

    public MentionLedger(ObjectMapper json) {
        this.json = json;
    }

    /** A mention's key: mention ids are listening's, so they are only trusted within their tenant and brand. */
    public record Key(String tenant, String brandId, UUID mentionId) {
    }

    /**
     * The facts of these mentions, locked until the transaction ends (a rebalance may hand the partition to another
     * replica while this one still writes); a mention never heard of is absent from the answer.
     */
    Uni<Map<Key, MentionFact>> lock(Mutiny.Session session, Collection<Key> keys) {
        BatchRows rows = new BatchRows();
        keys.forEach(key -> rows.add().put("tenant", key.tenant()).put("brand", key.brandId())
                .put("mention", key.mentionId().toString()));
        return session.createNativeQuery("""
                        select f.tenant, f.brand_id, f.mention_id, f.recorded, f.withdrawn, f.edited_at, f.published_at,
                               f.source, f.language, f.sentiment, cast(to_jsonb(f.query_ids) as text), f.about_brand,
                               cast(to_jsonb(f.competitors) as text), f.author,
                               f.reach, f.text, f.url
                        from mention_fact f
                        join jsonb_to_recordset(cast(cast(:rows as text) as jsonb)) as k(tenant text, brand text, mention uuid)
                          on f.tenant = k.tenant and f.brand_id = k.brand and f.mention_id = k.mention
                        order by f.tenant, f.brand_id, f.mention_id
                        for update of f""", Object[].class)
                .setParameter("rows", rows.json())
                .getResultList()
                .map(found -> {
                    Map<Key, MentionFact> facts = new HashMap<>();
                    for (Object[] row : found) {
                        MentionFact fact = fact(row);
                        facts.put(new Key(fact.tenant(), fact.brandId(), fact.mentionId()), fact);
                    }
                    return facts;
                });
    }

    private MentionFact fact(Object[] row) {
        MentionContent content = row[6] == null ? null : new MentionContent(instant(row[6]), (String) row[7],
                (String) row[8], (String) row[9], list(row[10], UUID.class), (Boolean) row[11],
                list(row[12], String.class), (String) row[15], (String) row[16]);
        return new MentionFact((String) row[0], (String) row[1], (UUID) row[2], (Boolean) row[3], (Boolean) row[4],
                row[5] == null ? null : instant(row[5]), content, (String) row[13], ((Number) row[14]).longValue());
    }

    private <T> List<T> list(Object jsonArray, Class<T> type) {
        try {
            return List.copyOf(json.readValue((String) jsonArray,
                    json.getTypeFactory().constructCollectionType(List.class, type)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable array in mention_fact", e);
        }
    }

    /** Writes the facts as they now stand. */
    Uni<Void> save(Mutiny.Session session, Collection<MentionFact> facts) {
        if (facts.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        BatchRows rows = new BatchRows();
        for (MentionFact fact : facts) {
            var row = rows.add().put("tenant", fact.tenant()).put("brand", fact.brandId())
                    .put("mention", fact.mentionId().toString()).put("recorded", fact.recorded())
                    .put("withdrawn", fact.withdrawn())
                    .put("edited", fact.editedAt() == null ? null : fact.editedAt().toString())
                    .put("author", fact.author()).put("reach", fact.reach());
            MentionContent content = fact.content();
            if (content != null) {
                // The text waits in the ledger only as long as the mention is not counted (see MentionFact).
                MentionContent kept = fact.counted() ? content.withoutText() : content;
                row.put("published", kept.publishedAt().toString()).put("source", kept.source())
                        .put("language", kept.language()).put("sentiment", kept.sentiment())
                        .put("about", kept.aboutBrand()).put("text", kept.text()).put("url", kept.url());
                ArrayNode queries = row.putArray("queries");
                kept.queryIds().forEach(id -> queries.add(id.toString()));
                ArrayNode competitors = row.putArray("competitors");
                kept.competitors().forEach(competitors::add);
            }
        }
        return session.createNativeQuery("""
                        insert into mention_fact (tenant, brand_id, mention_id, recorded, withdrawn, edited_at, published_at,
                                                  source, language, sentiment, query_ids, about_brand, competitors, author,
                                                  reach, text, url)
                        select tenant, brand, mention, recorded, withdrawn, edited, published, source, language, sentiment,
                               queries, about, competitors, author, reach, text, url
                        from jsonb_to_recordset(cast(cast(:rows as text) as jsonb))
                             as r(tenant text, brand text, mention uuid, recorded boolean, withdrawn boolean,
                                  edited timestamptz, published timestamptz, source text, language text, sentiment text,
                                  queries uuid[], about boolean, competitors text[], author text, reach bigint, text text,
                                  url text)
                        on conflict (tenant, brand_id, mention_id) do update
                        set recorded = excluded.recorded, withdrawn = excluded.withdrawn, edited_at = excluded.edited_at,
                            published_at = excluded.published_at, source = excluded.source, language = excluded.language,
                            sentiment = excluded.sentiment, query_ids = excluded.query_ids,
                            about_brand = excluded.about_brand, competitors = excluded.competitors,
                            author = excluded.author, reach = excluded.reach, text = excluded.text, url = excluded.url""")
                .setParameter("rows", rows.json())
                .executeUpdate()
                .replaceWithVoid();
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
