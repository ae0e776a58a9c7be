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
import java.util.stream.IntStream;

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
    // brand's whole window instead). %1$d is the band, %2$s the parameter holding the minimum agreement.
    private static final String BAND = """
            (select story_id, published_at, id from mention m
              where m.story_keys[%1$d] = c.k%1$d and m.story_keys is not null and m.published_at between c.lo and c.hi
                and m.tenant = c.tenant and m.brand_id = c.brand_id and m.id is distinct from c.excluded
                and (select count(*) from unnest(m.signature, c.signature) as p(x, y) where x = y) >= %2$s
              order by m.published_at, m.id limit 1)""";

    private static final String NEAR_DUPLICATES = nearDuplicates(TextFingerprint.BANDS);

    /**
     * The lookup for {@code bands} band keys: parameters $1–$5 are the probes' index, tenant, brand and window,
     * then one array per band, the signatures, the excluded ids and the minimum agreement.
     */
    static String nearDuplicates(int bands) {
        String keyColumns = IntStream.rangeClosed(1, bands).mapToObj(b -> "k" + b).collect(Collectors.joining(", "));
        String keyArrays = IntStream.rangeClosed(1, bands).mapToObj(b -> "$" + (5 + b) + "::bigint[]")
                .collect(Collectors.joining(", "));
        String agreement = "$" + (bands + 8);
        String branches = IntStream.rangeClosed(1, bands).mapToObj(b -> BAND.formatted(b, agreement))
                .collect(Collectors.joining("\nunion all\n"));
        return """
                select c.i, s.story_id
                from (select i, tenant, brand_id, lo, hi, %1$s, cast(signature as int[]) as signature, excluded
                      from unnest($1::int[], $2::text[], $3::text[], $4::timestamptz[], $5::timestamptz[], %2$s,
                                  $%3$d::text[], $%4$d::uuid[])
                           as u(i, tenant, brand_id, lo, hi, %1$s, signature, excluded)) c
                cross join lateral (
                  select story_id from (
                %5$s
                  ) candidate
                  order by published_at, id
                  limit 1) s""".formatted(keyColumns, keyArrays, bands + 6, bands + 7, branches);
    }

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
