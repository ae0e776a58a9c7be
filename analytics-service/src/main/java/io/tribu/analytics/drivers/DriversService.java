package io.tribu.analytics.drivers;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.tribu.analytics.period.ReportingPeriod;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The terms that set the brand's negative mentions apart from its positive ones in a period: the day
 * counts of the sampled texts' terms ({@code mention_term}, filled at intake) summed over the whole UTC
 * days the period touches, scored, then up to 3 examples per term from the sample of those days.
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

    public record Drivers(int negativeMentions, int positiveMentions, List<Term> negative, List<Term> positive) {
    }

    /** In a (read-only) transaction so the memory setting below stays with this request. */
    @WithTransaction
    public Uni<Drivers> drivers(String tenant, String brandId, ReportingPeriod period, int limit) {
        LocalDate firstDay = period.from().atOffset(ZoneOffset.UTC).toLocalDate();
        LocalDate endDay = period.to().minusNanos(1).atOffset(ZoneOffset.UTC).toLocalDate().plusDays(1);
        Instant from = firstDay.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = endDay.atStartOfDay(ZoneOffset.UTC).toInstant();
        return texts.scoredTexts(tenant, brandId, from, to)
                .chain(mentions -> termCounts(tenant, brandId, firstDay, endDay, mentions))
                .map(counts -> DriverAnalysis.score(counts, limit))
                .chain(found -> texts.examples(tenant, brandId, from, to,
                                found.negative().stream().map(DriverAnalysis.Driver::term).toList(),
                                found.positive().stream().map(DriverAnalysis.Driver::term).toList(), EXAMPLES_PER_TERM)
                        .map(examples -> new Drivers(found.negativeMentions(), found.positiveMentions(),
                                withExamples(found.negative(), examples.negative()),
                                withExamples(found.positive(), examples.positive()))));
    }

    /**
     * Sums the days' counts per term; only terms in at least two mentions of a side come back (no other can
     * be a driver), with the term totals of every term. The sum runs in memory rather than spilling to disk.
     */
    private static Uni<DriverAnalysis.TermCounts> termCounts(String tenant, String brandId, LocalDate firstDay,
                                                             LocalDate endDay, int[] mentions) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("select set_config('work_mem', '32MB', true)", String.class).getSingleResult()
                .chain(() -> session.createNativeQuery("""
                                select term, negative, positive, negative_terms, positive_terms from (
                                    select term, sum(negative) as negative, sum(positive) as positive,
                                           sum(sum(negative)) over () as negative_terms,
                                           sum(sum(positive)) over () as positive_terms
                                    from mention_term
                                    where tenant = :tenant and brand_id = :brand and day >= :from and day < :to
                                    group by term) as terms
                                where negative >= :minimum or positive >= :minimum""", Object[].class)
                        .setParameter("tenant", tenant)
                        .setParameter("brand", brandId)
                        .setParameter("from", firstDay)
                        .setParameter("to", endDay)
                        .setParameter("minimum", DriverAnalysis.MINIMUM_MENTIONS)
                        .getResultList())
                .map(rows -> {
                    Map<String, int[]> terms = new HashMap<>();
                    long negativeTerms = 0;
                    long positiveTerms = 0;
                    for (Object[] row : rows) {
                        terms.put((String) row[0], new int[]{((Number) row[1]).intValue(), ((Number) row[2]).intValue()});
                        negativeTerms = ((Number) row[3]).longValue();
                        positiveTerms = ((Number) row[4]).longValue();
                    }
                    return new DriverAnalysis.TermCounts(mentions[0], mentions[1], negativeTerms, positiveTerms, terms);
                }));
    }

    private static List<Term> withExamples(List<DriverAnalysis.Driver> drivers,
                                           Map<String, List<MentionTextSample.MentionExample>> examples) {
        return drivers.stream().map(driver -> new Term(driver.term(), driver.z(), driver.negativeMentions(),
                driver.positiveMentions(), examples.getOrDefault(driver.term(), List.of()))).toList();
    }
}
