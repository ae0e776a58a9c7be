package io.tribu.analytics.drivers;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.tribu.analytics.period.ReportingPeriod;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The terms that set the brand's negative mentions apart from its positive ones in a period: the day
 * counts of the sampled texts' terms (filled at intake, packed one row per day by term id) summed in memory
 * over the whole UTC days the period touches, scored, then up to 3 examples per term from the sample of those
 * days. Only the terms that can make the answer are named.
 */
@ApplicationScoped
public class DriversService {

    static final int EXAMPLES_PER_TERM = 3;

    private final MentionTextSample texts;

    public DriversService(MentionTextSample texts) {
        this.texts = texts;
    }

    public record Term(String term, double z, int negativeMentions, int positiveMentions,
                       List<MentionTextSample.MentionExample> examples) {
    }

    /** {@code insufficientData} says, when not null, that a side had too few sampled texts for the lists to say much. */
    public record Drivers(int negativeMentions, int positiveMentions, List<Term> negative, List<Term> positive,
                          DriverAnalysis.InsufficientData insufficientData) {
    }

    @WithSession
    public Uni<Drivers> drivers(String tenant, String brandId, ReportingPeriod period, int limit) {
        LocalDate firstDay = period.from().atOffset(ZoneOffset.UTC).toLocalDate();
        LocalDate endDay = period.to().minusNanos(1).atOffset(ZoneOffset.UTC).toLocalDate().plusDays(1);
        Instant from = firstDay.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = endDay.atStartOfDay(ZoneOffset.UTC).toInstant();
        // Summing by id is a few milliseconds even over 90 days: it stays on the request's thread.
        return periodCounts(tenant, brandId, firstDay, endDay)
                .chain(counts -> names(tenant, brandId, counts.candidates(limit)).map(counts::counts))
                .map(counts -> DriverAnalysis.score(counts, limit))
                .chain(found -> texts.examples(tenant, brandId, from, to,
                                found.negative().stream().map(DriverAnalysis.Driver::term).toList(),
                                found.positive().stream().map(DriverAnalysis.Driver::term).toList(), EXAMPLES_PER_TERM)
                        .map(examples -> new Drivers(found.negativeMentions(), found.positiveMentions(),
                                withExamples(found.negative(), examples.negative()),
                                withExamples(found.positive(), examples.positive()),
                                DriverAnalysis.insufficientData(found.negativeMentions(), found.positiveMentions()))));
    }

    /**
     * The period's packed days, what intake added since (named, with the term's id when it has one; intake appends,
     * so a term may come in several rows, all summed) and the id of the texts' count: read in one statement, so the
     * packer cannot move counts between two reads.
     */
    private static Uni<PeriodTermCounts> periodCounts(String tenant, String brandId, LocalDate firstDay, LocalDate endDay) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select counts, cast(null as int), cast(null as text), 0, 0 from mention_term_day
                        where tenant = :tenant and brand_id = :brand and day >= :from and day < :to
                        union all
                        select null, i.id, t.term, t.negative, t.positive from mention_term t
                        left join mention_term_id i on i.tenant = t.tenant and i.brand_id = t.brand_id and i.term = t.term
                        where t.tenant = :tenant and t.brand_id = :brand and t.day >= :from and t.day < :to
                        union all
                        select null, id, term, 0, 0 from mention_term_id
                        where tenant = :tenant and brand_id = :brand and term = ''""", Object[].class)
                .setParameter("tenant", tenant)
                .setParameter("brand", brandId)
                .setParameter("from", firstDay)
                .setParameter("to", endDay)
                .getResultList()
                .map(rows -> {
                    PeriodTermCounts counts = new PeriodTermCounts();
                    for (Object[] row : rows) {
                        if (row[0] != null) {
                            counts.addPacked((byte[]) row[0]);
                        } else {
                            counts.addUnpacked((Integer) row[1], (String) row[2], ((Number) row[3]).intValue(),
                                    ((Number) row[4]).intValue());
                        }
                    }
                    return counts;
                }));
    }

    /** The names of the term ids (id to term). */
    private static Uni<Map<Integer, String>> names(String tenant, String brandId, Set<Integer> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select id, term from mention_term_id
                        where tenant = :tenant and brand_id = :brand and id in (:ids)""", Object[].class)
                .setParameter("tenant", tenant)
                .setParameter("brand", brandId)
                .setParameter("ids", List.copyOf(ids))
                .getResultList()
                .map(rows -> {
                    Map<Integer, String> names = new HashMap<>();
                    rows.forEach(row -> names.put((Integer) row[0], (String) row[1]));
                    return names;
                }));
    }

    private static List<Term> withExamples(List<DriverAnalysis.Driver> drivers,
                                           Map<String, List<MentionTextSample.MentionExample>> examples) {
        return drivers.stream().map(driver -> new Term(driver.term(), driver.z(), driver.negativeMentions(),
                driver.positiveMentions(), examples.getOrDefault(driver.term(), List.of()))).toList();
    }
}
