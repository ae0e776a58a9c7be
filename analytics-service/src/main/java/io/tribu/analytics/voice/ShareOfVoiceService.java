package io.tribu.analytics.voice;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.tribu.analytics.event.BatchRows;
import io.tribu.analytics.mention.MentionRecordedReader;
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

    static Set<Party> parties(MentionRecordedReader.Data data) {
        Set<Party> parties = new LinkedHashSet<>();
        for (MentionRecordedReader.MatchedQuery query : data.queries()) {
            if (query.aboutCompetitor()) {
                String name = query.competitor() != null && !query.competitor().isBlank() ? query.competitor().strip()
                        : query.name() != null && !query.name().isBlank() ? query.name().strip() : "?";
                parties.add(new Party(COMPETITOR, name));
            } else {
                parties.add(new Party(BRAND, ""));
            }
        }
        if (parties.isEmpty()) {
            parties.add(new Party(BRAND, ""));
        }
        return parties;
    }

    /** Counts each mention of the batch once for each party it speaks of; runs inside the intake's transaction. */
    public Uni<Void> count(Mutiny.Session session, List<MentionRecordedReader> events) {
        BatchRows rows = new BatchRows();
        for (MentionRecordedReader event : events) {
            MentionRecordedReader.Data data = event.data();
            for (Party party : parties(data)) {
                rows.add().put("tenant", event.tenant()).put("brand", data.brandId())
                        .put("bucket", data.publishedAt().truncatedTo(ChronoUnit.HOURS).toString())
                        .put("party", party.kind()).put("competitor", party.competitor())
                        .put("sentiment", data.sentimentLabel());
            }
        }
        return session.createNativeQuery("""
                        insert into mention_by_party (tenant, brand_id, bucket_start, party, competitor, sentiment, mentions)
                        select tenant, brand, bucket, party, competitor, sentiment, count(*)
                        from jsonb_to_recordset(cast(cast(:rows as text) as jsonb))
                             as r(tenant text, brand text, bucket timestamptz, party text, competitor text, sentiment text)
                        group by 1, 2, 3, 4, 5, 6
                        on conflict (tenant, brand_id, bucket_start, party, competitor, sentiment)
                        do update set mentions = mention_by_party.mentions + excluded.mentions""")
                .setParameter("rows", rows.json())
                .executeUpdate()
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
