package io.tribu.analytics.author;

import java.time.Instant;
import java.util.List;

/** Ambassadors, detractors and influencers of a brand in a period. */
public record AuthorsView(String brandId, Instant from, Instant to, List<AuthorService.Author> ambassadors,
                          List<AuthorService.Author> detractors, List<AuthorService.Author> influencers) {
}
