package io.tribu.listening.mention;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.vertx.VertxContextSupport;
import io.tribu.listening.config.ListeningConfig;
import io.tribu.listening.enrich.TextFingerprint;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The stories the store's indexed lookup gives (band indexes led by a time bucket, V19) are the ones a brute-force
 * reading of every stored mention gives, on the same data: each mention joins the story of the earliest mention of its
 * brand published within the story window either side that shares a band key with it and agrees on enough minimums,
 * among those stored before it. Seeded texts: originals, copies with the edits the feeds make (a retweet prefix, a
 * changed link, a word dropped or changed, a truncation), over 16 days (four buckets), recorded in shuffled order.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class StoryLookupOracleTest {

    @Inject
    MentionService mentions;

    @Inject
    ListeningConfig config;

    record Stored(UUID id, UUID storyId, Instant publishedAt, TextFingerprint fingerprint) {
    }

    @Test
    void theIndexedLookupFindsTheStoriesABruteForceReadingFinds() throws Throwable {
        Random random = new Random(23);
        String brand = "oracle-" + UUID.randomUUID();
        Instant start = Instant.parse("2026-10-01T00:00:00Z");
        List<String> words = new ArrayList<>();
        for (int w = 0; w < 400; w++) {
            words.add(word(random));
        }
        List<String> texts = new ArrayList<>();
        List<Instant> times = new ArrayList<>();
        for (int o = 0; o < 60; o++) {
            List<String> original = new ArrayList<>();
            for (int w = 0, n = 12 + random.nextInt(8); w < n; w++) {
                original.add(words.get(random.nextInt(words.size())));
            }
            Instant at = start.plusSeconds(random.nextInt(16 * 86_400));
            texts.add(String.join(" ", original));
            times.add(at);
            for (int c = 0, copies = random.nextInt(4); c < copies; c++) {
                texts.add(copy(original, random, words));
                // within the 3-day window mostly, some just beyond it, before or after the original
                times.add(at.plusSeconds(random.nextInt(8 * 86_400) - 4 * 86_400));
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, random);

        Duration window = config.enrich().storyWindow();
        List<Stored> before = new ArrayList<>();
        int joined = 0;
        for (int i : order) {
            Mention m = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> mentions.recordAllOnce(
                    List.of(new MentionService.Heard("oracle", brand, new NewMention(null, null, "rss", "post", false,
                            "Lucie", null, texts.get(i), null, null, times.get(i))))))).get(0);
            TextFingerprint fingerprint = m.signature == null ? null : new TextFingerprint(m.signature);
            UUID expected = before.stream()
                    .filter(s -> fingerprint != null && s.fingerprint() != null)
                    .filter(s -> !s.publishedAt().isBefore(m.publishedAt.minus(window))
                            && !s.publishedAt().isAfter(m.publishedAt.plus(window)))
                    .filter(s -> s.fingerprint().sharesBandWith(fingerprint) && s.fingerprint().sameStoryAs(fingerprint))
                    .min(Comparator.comparing(Stored::publishedAt).thenComparing(Stored::id))
                    .map(Stored::storyId).orElse(m.id);
            assertEquals(expected, m.storyId, () -> "story of \"" + m.text + "\" published " + m.publishedAt);
            joined += expected.equals(m.id) ? 0 : 1;
            before.add(new Stored(m.id, m.storyId, m.publishedAt, fingerprint));
        }
        // the data made the lookup find stories, not only miss them
        assertTrue(joined >= 30, "mentions that joined another's story: " + joined + " of " + texts.size());
    }

    private static String copy(List<String> original, Random random, List<String> words) {
        List<String> copy = new ArrayList<>(original);
        switch (random.nextInt(5)) {
            case 0 -> copy.add(0, "RT @" + word(random) + ":");
            case 1 -> copy.add("https://t.co/" + word(random));
            case 2 -> copy.remove(random.nextInt(copy.size()));
            case 3 -> copy.set(random.nextInt(copy.size()), words.get(random.nextInt(words.size())));
            default -> copy.subList(copy.size() - 1 - random.nextInt(3), copy.size()).clear();
        }
        return String.join(" ", copy);
    }

    private static String word(Random random) {
        StringBuilder w = new StringBuilder();
        for (int k = 0, n = 4 + random.nextInt(6); k < n; k++) {
            w.append((char) ('a' + random.nextInt(26)));
        }
        return w.toString();
    }
}
