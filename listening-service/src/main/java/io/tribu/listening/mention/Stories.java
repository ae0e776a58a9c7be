package io.tribu.listening.mention;

import io.smallrye.mutiny.Uni;
import io.tribu.listening.enrich.TextFingerprint;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Finds the story each new mention belongs to: near-duplicates (syndicated copies, reposts) share one.
 * Asked straight to the SQL client, outside Hibernate: its native query plans are not cached, which made this
 * once-per-mention lookup the most expensive step of a firehose. A batch of mentions is one statement (the
 * mentions as arrays, one lateral lookup each): a firehose chunk of 50 no longer costs 50 statements to the
 * service and to PostgreSQL.
 */
@ApplicationScoped
public class Stories {

    // One branch per band key, each reading its index in time order and stopping at the first candidate that agrees:
    // the keys are 64 bits, so what shares one is nearly always a copy, and a lookup reads a row or two per band
    // whether the brand stored a thousand mentions or ten million (with the bands or-ed, the planner would read the
    // brand's whole window instead)
    private static final String NEAR_DUPLICATES = """
            select c.i, s.story_id
            from (select i, tenant, brand_id, lo, hi, k1, k2, k3, k4, k5, k6, cast(signature as int[]) as signature,
                         excluded
                  from unnest($1::int[], $2::text[], $3::text[], $4::timestamptz[], $5::timestamptz[], $6::bigint[],
                              $7::bigint[], $8::bigint[], $9::bigint[], $10::bigint[], $11::bigint[], $12::text[],
                              $13::uuid[])
                       as u(i, tenant, brand_id, lo, hi, k1, k2, k3, k4, k5, k6, signature, excluded)) c
            cross join lateral (
              select story_id from (
              (select story_id, published_at, id from mention m
                where m.story_keys[1] = c.k1 and m.story_keys is not null and m.published_at between c.lo and c.hi
                  and m.tenant = c.tenant and m.brand_id = c.brand_id and m.id is distinct from c.excluded
                  and (select count(*) from unnest(m.signature, c.signature) as p(x, y) where x = y) >= $14
                order by m.published_at, m.id limit 1)
              union all
              (select story_id, published_at, id from mention m
                where m.story_keys[2] = c.k2 and m.story_keys is not null and m.published_at between c.lo and c.hi
                  and m.tenant = c.tenant and m.brand_id = c.brand_id and m.id is distinct from c.excluded
                  and (select count(*) from unnest(m.signature, c.signature) as p(x, y) where x = y) >= $14
                order by m.published_at, m.id limit 1)
              union all
              (select story_id, published_at, id from mention m
                where m.story_keys[3] = c.k3 and m.story_keys is not null and m.published_at between c.lo and c.hi
                  and m.tenant = c.tenant and m.brand_id = c.brand_id and m.id is distinct from c.excluded
                  and (select count(*) from unnest(m.signature, c.signature) as p(x, y) where x = y) >= $14
                order by m.published_at, m.id limit 1)
              union all
              (select story_id, published_at, id from mention m
                where m.story_keys[4] = c.k4 and m.story_keys is not null and m.published_at between c.lo and c.hi
                  and m.tenant = c.tenant and m.brand_id = c.brand_id and m.id is distinct from c.excluded
                  and (select count(*) from unnest(m.signature, c.signature) as p(x, y) where x = y) >= $14
                order by m.published_at, m.id limit 1)
              union all
              (select story_id, published_at, id from mention m
                where m.story_keys[5] = c.k5 and m.story_keys is not null and m.published_at between c.lo and c.hi
                  and m.tenant = c.tenant and m.brand_id = c.brand_id and m.id is distinct from c.excluded
                  and (select count(*) from unnest(m.signature, c.signature) as p(x, y) where x = y) >= $14
                order by m.published_at, m.id limit 1)
              union all
              (select story_id, published_at, id from mention m
                where m.story_keys[6] = c.k6 and m.story_keys is not null and m.published_at between c.lo and c.hi
                  and m.tenant = c.tenant and m.brand_id = c.brand_id and m.id is distinct from c.excluded
                  and (select count(*) from unnest(m.signature, c.signature) as p(x, y) where x = y) >= $14
                order by m.published_at, m.id limit 1)
              ) candidate
              order by published_at, id
              limit 1) s""";

    /**
     * A mention whose story is wanted: its brand, fingerprint and publication window; {@code excluded} is a stored
     * mention not to be found (an edited mention looking for its new story must not find its own former text), or null.
     */
    public record Probe(String tenant, String brandId, TextFingerprint fingerprint, Instant from, Instant to,
                        UUID excluded) {
    }

    private final Pool client;

    public Stories(Pool client) {
        this.client = client;
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
        return client.preparedQuery(NEAR_DUPLICATES).execute(parameters).map(rows -> {
            UUID[] story = new UUID[n];
            for (Row row : rows) {
                story[row.getInteger(0)] = row.getUUID(1);
            }
            return Arrays.asList(story);
        });
    }
}
