package io.tribu.listening.query;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Matching goes on, right, while the queries change (QuerySync adds and removes them under live traffic). */
class QueryMatcherConcurrencyTest {

    @Test
    void matchesStayRightWhileQueriesAreAddedAndRemoved() throws Exception {
        QueryMatcher matcher = new QueryMatcher();
        UUID stable = UUID.randomUUID();
        matcher.putAll(List.of(query(stable, "brand", "café NEAR/3 thé")));
        MentionDocument mention = new MentionDocument("agence", "brand", "un café et un thé", "fr", "rss", null);
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> readers = new ArrayList<>();
            for (int r = 0; r < 3; r++) {
                readers.add(threads.submit(() -> {
                    int rounds = 0;
                    while (writing.get() || rounds == 0) {
                        List<MatchedQuery> matched = matcher.match(mention);
                        assertTrue(matched.stream().anyMatch(m -> m.id().equals(stable)), matched::toString);
                        rounds++;
                    }
                    return rounds;
                }));
            }
            threads.submit(() -> {
                for (int i = 0; i < 300; i++) {
                    UUID id = UUID.randomUUID();
                    matcher.putAll(List.of(query(id, i % 2 == 0 ? "brand" : "other", "thé OR colis" + i + "*")));
                    matcher.removeAll(List.of(id));
                }
                writing.set(false);
            }).get();
            for (Future<Integer> reader : readers) {
                assertTrue(reader.get() > 0);
            }
        } finally {
            threads.shutdownNow();
        }
        assertEquals(1, matcher.size());
    }

    private static StoredQuery query(UUID id, String brand, String text) {
        return new StoredQuery(id, "agence", brand, "q", text, "brand", null, Instant.now());
    }
}
