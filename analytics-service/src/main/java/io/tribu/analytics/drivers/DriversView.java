package io.tribu.analytics.drivers;

import io.tribu.analytics.csv.CsvTable;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * Terms most typical of negative (resp. positive) mentions in the period, strongest first, with example
 * mentions. The counts are of the sampled texts the analysis read; {@code insufficientData}, when not null, says
 * that a side had fewer sampled texts than the test needs to tell much, so short or empty lists mean little.
 */
public record DriversView(String brandId, Instant from, Instant to, int negativeMentions, int positiveMentions,
                          List<DriversService.Term> negative, List<DriversService.Term> positive,
                          @Schema(nullable = true, description = "present when a side has fewer sampled mentions than `needed`: "
                                  + "the lists may then be short or empty for want of data, not of differences")
                          DriverAnalysis.InsufficientData insufficientData) implements CsvTable {

    @Override
    public List<String> csvHeader() {
        return List.of("side", "term", "z", "negativeMentions", "positiveMentions", "example1", "example2", "example3");
    }

    @Override
    public List<List<Object>> csvRows() {
        return java.util.stream.Stream.concat(negative.stream().map(term -> row("negative", term)),
                positive.stream().map(term -> row("positive", term))).toList();
    }

    private static List<Object> row(String side, DriversService.Term term) {
        List<Object> row = new java.util.ArrayList<>(List.of(side, term.term(), term.z(), term.negativeMentions(),
                term.positiveMentions()));
        for (int i = 0; i < 3; i++) {
            row.add(i < term.examples().size() ? term.examples().get(i).text() : null);
        }
        return row;
    }
}
