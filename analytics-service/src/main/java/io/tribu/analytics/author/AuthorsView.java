package io.tribu.analytics.author;

import io.tribu.analytics.csv.CsvTable;
import java.time.Instant;
import java.util.List;

/** Ambassadors, detractors and influencers of a brand in a period. */
public record AuthorsView(String brandId, Instant from, Instant to, List<AuthorService.Author> ambassadors,
                          List<AuthorService.Author> detractors, List<AuthorService.Author> influencers)
        implements CsvTable {

    @Override
    public List<String> csvHeader() {
        return List.of("list", "rank", "author", "mentions", "positive", "negative", "reach");
    }

    @Override
    public List<List<Object>> csvRows() {
        List<List<Object>> rows = new java.util.ArrayList<>();
        add(rows, "ambassadors", ambassadors);
        add(rows, "detractors", detractors);
        add(rows, "influencers", influencers);
        return rows;
    }

    private static void add(List<List<Object>> rows, String list, List<AuthorService.Author> authors) {
        for (int i = 0; i < authors.size(); i++) {
            AuthorService.Author a = authors.get(i);
            rows.add(List.of(list, i + 1, a.author(), a.mentions(), a.positive(), a.negative(), a.reach()));
        }
    }
}
