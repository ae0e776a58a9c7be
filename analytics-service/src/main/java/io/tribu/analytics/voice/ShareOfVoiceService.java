package io.tribu.analytics.voice;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.tribu.analytics.event.BatchRows;
import io.tribu.analytics.mention.MentionContent;
import io.tribu.analytics.mention.MentionCount;
import io.tribu.analytics.period.ReportingPeriod;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Share of voice: how much is said about the brand against each competitor its listening queries
 * track. Each mention counts once per party (the brand, or one named competitor) whatever number of
 * that party's queries it matched. A mention with no matched query (an older event, or a comment on
 * one of the brand's own accounts) speaks of the brand.
 */
@ApplicationScoped
public class ShareOfVoiceService {

    static final String BRAND = "brand";
    static final String COMPETITOR = "competitor";

    record Party(String kind, String competitor) {
    }

    /** The parties a mention speaks of: the brand itself and/or named competitors. */
    static Set<Party> parties(MentionContent content) {
        Set<Party> parties = new LinkedHashSet<>();
        if (content.aboutBrand()) {
            parties.add(new Party(BRAND, ""));
        }
        content.competitors().forEach(competitor -> parties.add(new Party(COMPETITOR, competitor)));
        return parties;
    }

    /**
     * Adds the batch's counts once for each party the mention speaks of (a count taken back out subtracts) and drops
     * the rows back to zero; runs inside the intake's transaction.
     */
    public Uni<Void> count(Mutiny.Session session, List<MentionCount> counts) {
        BatchRows rows = new BatchRows();
        for (MentionCount count : counts) {
            for (Party party : parties(count.content())) {
                rows.add().put("tenant", count.tenant()).put("brand", count.brandId()).put("bucket", count.bucket())
                        .put("party", party.kind()).put("competitor", party.competitor())
                        .put("sentiment", count.content().sentiment()).put("sign", count.sign());
            }
        }
        return session.createNativeQuery("""
                        insert into mention_by_party (tenant, brand_id, bucket_start, party, competitor, sentiment, mentions)
                        select tenant, brand, bucket, party, competitor, sentiment, sum(sign)
                        from jsonb_to_recordset(cast(cast(:rows as text) as jsonb))
                             as r(tenant text, brand text, bucket timestamptz, party text, competitor text, sentiment text,
                                  sign int)
                        group by 1, 2, 3, 4, 5, 6
                        on conflict (tenant, brand_id, bucket_start, party, competitor, sentiment)
                        do update set mentions = mention_by_party.mentions + excluded.mentions""")
                .setParameter("rows", rows.json())
                .executeUpdate()
                .chain(() -> session.createNativeQuery("""
                                delete from mention_by_party m
                                using jsonb_to_recordset(cast(cast(:rows as text) as jsonb))
                                      as r(tenant text, brand text, bucket timestamptz, party text, competitor text,
                                           sentiment text, sign int)
                                where r.sign < 0 and m.tenant = r.tenant and m.brand_id = r.brand
                                  and m.bucket_start = r.bucket and m.party = r.party and m.competitor = r.competitor
                                  and m.sentiment = r.sentiment and m.mentions = 0""")
                        .setParameter("rows", rows.json())
                        .executeUpdate())
                .replaceWithVoid();
    }

    /** One party's voice in the period; shares are of all parties' mentions (resp. positive, negative). */
    public record Voice(String party, String name, long mentions, double share, long positive, double positiveShare,
                        long negative, double negativeShare) {
    }

    /** The brand first, then competitors by volume. */
    @WithSession
    public Uni<List<Voice>> voices(String tenant, String brandId, String brandName, ReportingPeriod period) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select party, competitor, sentiment, sum(mentions) from mention_by_party
                        where tenant = :tenant and brand_id = :brand and bucket_start >= :from and bucket_start < :to
                        group by 1, 2, 3""", Object[].class)
                .setParameter("tenant", tenant)
                .setParameter("brand", brandId)
                .setParameter("from", period.from().truncatedTo(ChronoUnit.HOURS))
                .setParameter("to", period.to())
                .getResultList()
                .map(rows -> {
                    Map<Party, long[]> counts = new LinkedHashMap<>();
                    counts.put(new Party(BRAND, ""), new long[3]);
                    for (Object[] row : rows) {
                        long[] tally = counts.computeIfAbsent(new Party((String) row[0], (String) row[1]), p -> new long[3]);
                        long mentions = ((Number) row[3]).longValue();
                        tally[0] += mentions;
                        if ("positive".equals(row[2])) {
                            tally[1] += mentions;
                        } else if ("negative".equals(row[2])) {
                            tally[2] += mentions;
                        }
                    }
                    long[] all = new long[3];
                    counts.values().forEach(tally -> {
                        for (int i = 0; i < 3; i++) {
                            all[i] += tally[i];
                        }
                    });
                    List<Voice> voices = new ArrayList<>();
                    counts.forEach((party, tally) -> voices.add(new Voice(party.kind(),
                            BRAND.equals(party.kind()) ? brandName : party.competitor(),
                            tally[0], share(tally[0], all[0]), tally[1], share(tally[1], all[1]),
                            tally[2], share(tally[2], all[2]))));
                    voices.sort((a, b) -> a.party().equals(b.party())
                            ? a.mentions() != b.mentions() ? Long.compare(b.mentions(), a.mentions()) : a.name().compareTo(b.name())
                            : BRAND.equals(a.party()) ? -1 : 1);
                    return voices;
                }));
    }

    private static double share(long part, long whole) {
        return whole == 0 ? 0.0 : Math.round(part * 10_000.0 / whole) / 10_000.0;
    }
}
