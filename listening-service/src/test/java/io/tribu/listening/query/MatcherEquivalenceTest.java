package io.tribu.listening.query;

import io.tribu.listening.enrich.SharedData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Differential test: the new matcher and the Lucene Monitor it replaced ({@link MonitorMatcher}) must return
 * the same query ids for the same mentions. Queries are generated at random from the whole grammar, out of the
 * words of the texts themselves so that many match; texts are the FR/EN tweets of {@code ../shared/data}
 * when present, joined into articles too, plus built-in texts with elisions, hashtags, accents and repeats.
 * {@code -Dtribu.equivalence.rounds=N} runs more rounds (each with a new seed).
 */
class MatcherEquivalenceTest {

    private static final String TENANT = "agence";
    private static final String BRAND = "marque";
    private static final String[] BUILT_IN = {
            "J'adore l'Oréal et L’ÉQUIPE d’accueil, vraiment ! #CaféLumière @Lumière",
            "a c d e a b a b x y x z x",
            "Le café est froid, le café est tiède, café café lumière café",
            "livraison en retard: mon colis lumière est perdu... #livraison #colis @laposte",
            "Aujourd’hui qu'il pleuve ou qu’il vente, jusqu'à demain, lorsqu'il arrive",
            "cosmétiques COSMÉTIQUE cosmos color colour colouur coup co-op",
            "service client service client client service nul nul nul",
            "ÇA CRÈME ŒUVRE naïve façon Ångström straße ﬁnal",
            "rock'n'roll l'l'l d'd'abord #l'oréal @l'équipe ##double @@twice #_ @9",
    };
    private static final String[] SOURCES = {"mastodon", "rss", "bluesky", "webhook"};
    private static final String[] AUTHORS = {"@Marie_D", "Jean Dupont", "jean dupont", "@critic", null};

    private final QueryMatcher engine = new QueryMatcher();
    private final MonitorMatcher monitor = new MonitorMatcher();

    @AfterEach
    void close() throws Exception {
        monitor.close();
    }

    @Test
    void randomQueriesMatchTheSameMentionsAsTheMonitor() {
        int rounds = Integer.getInteger("tribu.equivalence.rounds", 1);
        for (int round = 0; round < rounds; round++) {
            compare(new Random(20_261_123L + round), 2_000, 600);
        }
    }

    /** Where the minimal-interval rules of Lucene decide: all must come out as the Monitor says. */
    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource(delimiter = '|', textBlock = """
            a NEAR/1 ("c d e" OR e)            | a c d e
            a NEAR/2 ("c d e" OR e)            | a c d e
            "a b" NEAR/3 "a b"                 | a b x a b
            "a b" NEAR/4 "a b"                 | a b x a b
            x NEAR/1 x                         | x y x z x
            café NEAR/2 cafe                   | café lumière café
            (a OR "a b") NEAR/1 (b OR "b x")   | a b x a b
            ((a NEAR/1 b) OR c) NEAR/2 e       | a b c d e
            (a NEAR/2 c) NEAR/1 (d NEAR/1 e)   | a c d e
            (("c d e" OR e) NEAR/1 f) NEAR/1 a | a c d e f
            (("c d e" OR e) NEAR/1 f) NEAR/3 a | a c d e f
            co* NEAR/3 cosmos                  | cosmétiques cosmos color
            #cafe NEAR/1 cafe                  | #café cafe
            "#cafe lumiere" NEAR/2 #cafe       | #café lumière #cafe
            """)
    void nearEdgeCasesMatchAsTheMonitorDoes(String query, String text) {
        register(List.of(stored(query)));
        MentionDocument mention = new MentionDocument(TENANT, BRAND, text, "fr", "rss", null);
        MonitorMatcher.Result expected = monitor.match(mention);
        assertTrue(expected.failed().isEmpty());
        assertEquals(expected.matched(), engine.match(mention));
    }

    /** The two places where the Monitor was wrong, and the engine is not: written down so they stay known. */
    @Test
    void theEngineMatchesWhereTheMonitorSilentlyGaveUp() {
        StringBuilder text = new StringBuilder("x ");
        for (int i = 0; i < 130; i++) {
            text.append("c").append(Integer.toString(i, 26).replace('0', 'z')).append(' ');
        }
        StoredQuery wide = stored("c* NEAR/2 x");
        StoredQuery escaped = stored("ca\\fe*s");
        register(List.of(wide, escaped));
        MentionDocument many = new MentionDocument(TENANT, BRAND, text.toString(), "fr", "rss", null);
        assertEquals(java.util.Set.of(wide.id()), monitor.match(many).failed(), "over 128 words start with c");
        assertEquals(List.of(wide.id()), engine.match(many).stream().map(MatchedQuery::id).toList());
        MentionDocument cafes = new MentionDocument(TENANT, BRAND, "des cafes", "fr", "rss", null);
        assertEquals(List.of(), monitor.match(cafes).matched(), "presearch filed it under 'ca\\'");
        assertEquals(List.of(escaped.id()), engine.match(cafes).stream().map(MatchedQuery::id).toList());
    }

    private void compare(Random random, int queryCount, int mentionCount) {
        List<MentionDocument> mentions = mentions(random, mentionCount);
        QueryGenerator generator = new QueryGenerator(random, mentions);
        List<StoredQuery> queries = new ArrayList<>();
        int refused = 0;
        while (queries.size() < queryCount) {
            String query = generator.query();
            Optional<QuerySyntaxException> engineError = error(() -> QueryMatcher.check(query));
            Optional<QuerySyntaxException> monitorError = error(
                    () -> LuceneQueryCompiler.compile(new ListeningAnalyzer(), query));
            assertEquals(monitorError.map(Throwable::getMessage), engineError.map(Throwable::getMessage), query);
            if (engineError.isPresent()) {
                refused++;
            } else {
                queries.add(stored(query));
            }
        }
        register(queries);
        int failed = 0;
        int matches = 0;
        for (MentionDocument mention : mentions) {
            MonitorMatcher.Result expected = monitor.match(mention);
            // the Monitor gives up on a query whose wildcard inside NEAR expands to over 128 words: not compared
            List<MatchedQuery> actual = engine.match(mention).stream()
                    .filter(match -> !expected.failed().contains(match.id())).toList();
            if (!expected.matched().equals(actual)) {
                fail(difference(queries, mention, expected.matched(), actual));
            }
            failed += expected.failed().size();
            matches += actual.size();
        }
        System.out.printf("equivalence: %d queries (%d refused alike), %d mentions, %d matches, %d query runs "
                + "the Monitor failed%n", queries.size(), refused, mentions.size(), matches, failed);
        assertTrue(failed <= mentions.size(), "too many query runs the Monitor could not do: " + failed);
        assertTrue(matches > mentions.size(), "the generated queries should match often: " + matches);
    }

    private void register(List<StoredQuery> queries) {
        engine.putAll(queries);
        monitor.putAll(queries);
    }

    private static String difference(List<StoredQuery> queries, MentionDocument mention, List<MatchedQuery> expected,
                                     List<MatchedQuery> actual) {
        StringBuilder out = new StringBuilder("mention " + mention + "\n");
        for (StoredQuery query : queries) {
            boolean inExpected = expected.stream().anyMatch(m -> m.id().equals(query.id()));
            boolean inActual = actual.stream().anyMatch(m -> m.id().equals(query.id()));
            if (inExpected != inActual) {
                out.append(inExpected ? "  only the Monitor matches: " : "  only the engine matches: ")
                        .append(query.query()).append('\n');
            }
        }
        return out.toString();
    }

    private static Optional<QuerySyntaxException> error(Runnable compile) {
        try {
            compile.run();
            return Optional.empty();
        } catch (QuerySyntaxException e) {
            return Optional.of(e);
        }
    }

    private static StoredQuery stored(String query) {
        return new StoredQuery(UUID.randomUUID(), TENANT, BRAND, "q", query, "brand", null, Instant.EPOCH);
    }

    /** Tweets, articles made of 10 to 40 tweets, and the built-in texts, with random metadata. */
    private static List<MentionDocument> mentions(Random random, int count) {
        List<SharedData.Row> rows = new ArrayList<>();
        SharedData.root().ifPresent(root -> {
            for (Path csv : SharedData.files(root, "sentiment")) {
                if (!csv.getFileName().toString().contains("vader")) {
                    rows.addAll(SharedData.read(csv));
                }
            }
        });
        List<MentionDocument> mentions = new ArrayList<>();
        for (String text : BUILT_IN) {
            mentions.add(mention(random, text, random.nextBoolean() ? "fr" : "en"));
        }
        while (mentions.size() < count) {
            if (rows.isEmpty()) {
                mentions.add(mention(random, BUILT_IN[random.nextInt(BUILT_IN.length)] + " "
                        + BUILT_IN[random.nextInt(BUILT_IN.length)], "fr"));
            } else if (random.nextInt(10) == 0) {
                StringBuilder article = new StringBuilder();
                int parts = 10 + random.nextInt(30);
                for (int i = 0; i < parts; i++) {
                    article.append(rows.get(random.nextInt(rows.size())).text()).append(' ');
                }
                mentions.add(mention(random, article.toString(), random.nextBoolean() ? "fr" : "en"));
            } else {
                SharedData.Row row = rows.get(random.nextInt(rows.size()));
                mentions.add(mention(random, row.text(), row.language()));
            }
        }
        return mentions;
    }

    private static MentionDocument mention(Random random, String text, String language) {
        return new MentionDocument(TENANT, BRAND, text, random.nextInt(8) == 0 ? null : language,
                SOURCES[random.nextInt(SOURCES.length)], AUTHORS[random.nextInt(AUTHORS.length)]);
    }
}
