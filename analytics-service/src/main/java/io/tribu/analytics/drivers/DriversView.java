package io.tribu.analytics.drivers;

import io.tribu.analytics.csv.CsvTable;
import java.time.Instant;
import java.util.List;

/**
 * Terms most typical of negative (resp. positive) mentions in the period, strongest first, with example
 * mentions. The counts are of the sampled texts the analysis read.
 */
public record DriversView(String brandId, Instant from, Instant to, int negativeMentions, int positiveMentions,
                          List<DriversService.Term> negative, List<DriversService.Term> positive) implements CsvTable {

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
