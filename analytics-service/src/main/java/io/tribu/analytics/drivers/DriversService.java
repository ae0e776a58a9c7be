package io.tribu.analytics.drivers;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.tribu.analytics.period.ReportingPeriod;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The terms that set the brand's negative mentions apart from its positive ones in a period. */
@ApplicationScoped
public class DriversService {

    /** Enough texts for stable terms, few enough to answer in well under a second. */
    static final int LARGEST_SAMPLE = 20_000;
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

    public Uni<Drivers> drivers(String tenant, String brandId, ReportingPeriod period, int limit) {
        return texts.mentions(tenant, brandId, period.from(), period.to(), List.of("negative", "positive"), LARGEST_SAMPLE)
                // Tokenising thousands of texts is CPU work: off the event loop.
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(sample -> {
                    Map<UUID, MentionTextSample.MentionExample> byId = sample.stream()
                            .collect(Collectors.toMap(MentionTextSample.MentionExample::mentionId, Function.identity(),
                                    (a, b) -> a));
                    DriverAnalysis.Drivers drivers = DriverAnalysis.analyse(sample.stream()
                            .map(m -> new DriverAnalysis.Text(m.mentionId(), "negative".equals(m.sentiment()), m.text()))
                            .toList(), limit, EXAMPLES_PER_TERM);
                    Function<DriverAnalysis.Driver, Term> term = driver -> new Term(driver.term(), driver.z(),
                            driver.negativeMentions(), driver.positiveMentions(),
                            driver.examples().stream().map(byId::get).toList());
                    return new Drivers(drivers.negativeMentions(), drivers.positiveMentions(),
                            drivers.negative().stream().map(term).toList(), drivers.positive().stream().map(term).toList());
                });
    }
}
