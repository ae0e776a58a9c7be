package io.tribu.listening.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** One detector and one analyzer shared by many threads give the answers a single thread gives. */
class EnrichmentThreadSafetyTest {

    @Test
    void sharedInstancesAnswerTheSameUnderConcurrency() throws Exception {
        LanguageDetector detector = new LanguageDetector();
        SentimentAnalyzer analyzer = new SentimentAnalyzer();
        List<String> texts = List.of(
                "J'adore ce produit, merci !", "Je n'aime pas du tout ce produit", "c'est pas mal",
                "I love this product", "Worst support ever 😡", "The store opens at 9am",
                "Muchas gracias por la respuesta", "ok", "GÉNIAAAL 😍😍", "not bad at all, but the app crashes :(");
        List<String> expected = new ArrayList<>();
        for (String t : texts) {
            expected.add(describe(detector, analyzer, t));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int worker = 0; worker < 8; worker++) {
                int offset = worker;
                results.add(pool.submit(() -> {
                    List<String> out = new ArrayList<>();
                    for (int round = 0; round < 300; round++) {
                        for (int i = 0; i < texts.size(); i++) {
                            int k = (i + offset + round) % texts.size();
                            out.add(k + "=" + describe(detector, analyzer, texts.get(k)));
                        }
                    }
                    return out;
                }));
            }
            for (Future<List<String>> f : results) {
                for (String line : f.get(60, TimeUnit.SECONDS)) {
                    int k = Integer.parseInt(line.substring(0, line.indexOf('=')));
                    assertEquals(expected.get(k), line.substring(line.indexOf('=') + 1));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String describe(LanguageDetector detector, SentimentAnalyzer analyzer, String text) {
        DetectedLanguage language = detector.detect(text);
        return language + " " + analyzer.analyze(text, language.code());
    }
}
