package io.tribu.analytics.drivers;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
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
 * counts of the sampled texts' terms (filled at intake, packed one row per day) summed in memory over
 * the whole UTC days the period touches, scored, then up to 3 examples per term from the sample of those days.
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

    @WithSession
    public Uni<Drivers> drivers(String tenant, String brandId, ReportingPeriod period, int limit) {
        LocalDate firstDay = period.from().atOffset(ZoneOffset.UTC).toLocalDate();
        LocalDate endDay = period.to().minusNanos(1).atOffset(ZoneOffset.UTC).toLocalDate().plusDays(1);
        Instant from = firstDay.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = endDay.atStartOfDay(ZoneOffset.UTC).toInstant();
        Context request = Vertx.currentContext();
        return texts.scoredTexts(tenant, brandId, from, to)
                .chain(mentions -> packedDays(tenant, brandId, firstDay, endDay)
                        // Summing ~190,000 term lines (30 days) is CPU work: on a worker, not the event loop.
                        .emitOn(Infrastructure.getDefaultWorkerPool())
                        .map(days -> termCounts(days, mentions)))
                .map(counts -> DriverAnalysis.score(counts, limit))
                // Back on the request's context, where the reactive session lives, for the examples.
                .emitOn(command -> request.runOnContext(ignored -> command.run()))
                .chain(found -> texts.examples(tenant, brandId, from, to,
                                found.negative().stream().map(DriverAnalysis.Driver::term).toList(),
                                found.positive().stream().map(DriverAnalysis.Driver::term).toList(), EXAMPLES_PER_TERM)
                        .map(examples -> new Drivers(found.negativeMentions(), found.positiveMentions(),
                                withExamples(found.negative(), examples.negative()),
                                withExamples(found.positive(), examples.positive()))));
    }

    /**
     * The period's days as packed rows, and what intake added since as one more: read in one statement, so
     * the packer cannot move counts between two reads.
     */
    private static Uni<List<String>> packedDays(String tenant, String brandId, LocalDate firstDay, LocalDate endDay) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select terms from mention_term_day
                        where tenant = :tenant and brand_id = :brand and day >= :from and day < :to
                        union all
                        select string_agg(term || chr(9) || negative || chr(9) || positive, chr(10)) from mention_term
                        where tenant = :tenant and brand_id = :brand and day >= :from and day < :to""", String.class)
                .setParameter("tenant", tenant)
                .setParameter("brand", brandId)
                .setParameter("from", firstDay)
                .setParameter("to", endDay)
                .getResultList());
    }

    /**
     * Sums the days per term. Only terms in at least two mentions of a side are kept (no other can be a
     * driver), with the term totals of every term.
     */
    private static DriverAnalysis.TermCounts termCounts(List<String> days, int[] mentions) {
        Map<String, int[]> terms = new HashMap<>();
        for (String day : days) {
            if (day != null) {
                addLines(day, terms);
            }
        }
        long negativeTerms = 0;
        long positiveTerms = 0;
        Map<String, int[]> candidates = new HashMap<>();
        for (Map.Entry<String, int[]> term : terms.entrySet()) {
            int[] count = term.getValue();
            negativeTerms += count[0];
            positiveTerms += count[1];
            if (count[0] >= DriverAnalysis.MINIMUM_MENTIONS || count[1] >= DriverAnalysis.MINIMUM_MENTIONS) {
                candidates.put(term.getKey(), count);
            }
        }
        return new DriverAnalysis.TermCounts(mentions[0], mentions[1], negativeTerms, positiveTerms, candidates);
    }

    /** Adds lines {@code term<TAB>negative<TAB>positive} (a day as mention_term_day packs it) to {@code terms}. */
    static void addLines(String day, Map<String, int[]> terms) {
        int start = 0;
        while (start < day.length()) {
            int end = day.indexOf('\n', start);
            if (end < 0) {
                end = day.length();
            }
            int firstTab = day.indexOf('\t', start);
            int secondTab = day.indexOf('\t', firstTab + 1);
            int[] count = terms.computeIfAbsent(day.substring(start, firstTab), term -> new int[2]);
            count[0] += Integer.parseInt(day, firstTab + 1, secondTab, 10);
            count[1] += Integer.parseInt(day, secondTab + 1, end, 10);
            start = end + 1;
        }
    }

    private static List<Term> withExamples(List<DriverAnalysis.Driver> drivers,
                                           Map<String, List<MentionTextSample.MentionExample>> examples) {
        return drivers.stream().map(driver -> new Term(driver.term(), driver.z(), driver.negativeMentions(),
                driver.positiveMentions(), examples.getOrDefault(driver.term(), List.of()))).toList();
    }
}
