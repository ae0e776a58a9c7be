package io.tribu.analytics.drivers;

import java.time.Instant;
import java.util.List;

/**
 * Terms most typical of negative (resp. positive) mentions in the period, strongest first, with example
 * mentions. The counts are of the sampled texts the analysis read.
 */
public record DriversView(String brandId, Instant from, Instant to, int negativeMentions, int positiveMentions,
                          List<DriversService.Term> negative, List<DriversService.Term> positive) {
}
