package io.tribu.listening.enrich;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.Set;

/**
 * Language, sentiment and near-duplicate fingerprint of a mention's text, in one place for every way a mention
 * arrives (API, feeds, timelines, webhooks). Loaded at startup (about 1 s, 27 MB of heap) so the first mention
 * does not pay for it; immutable, so one instance serves all threads. Each call is timed:
 * {@code tribu_mention_enrichment_seconds} (docs/operations.md), its count the mentions enriched.
 */
@ApplicationScoped
@Startup
public class Enricher {

    /** The languages with a sentiment lexicon and model. */
    static final Set<String> SENTIMENT_LANGUAGES = Set.of("fr", "en");

    private final LanguageDetector languages = new LanguageDetector();
    private final SentimentAnalyzer sentiments = new SentimentAnalyzer();
    private final Timer timer;

    public Enricher(MeterRegistry registry) {
        this.timer = Timer.builder("tribu.mention.enrichment")
                .description("Language, sentiment and fingerprint of one mention's text").register(registry);
    }

    /**
     * @param declaredLanguage the language the source or the caller gave, trusted when present
     */
    public Enrichment enrich(String text, String declaredLanguage) {
        return timer.record(() -> enriched(text, declaredLanguage));
    }

    private Enrichment enriched(String text, String declaredLanguage) {
        String language = declaredLanguage == null || declaredLanguage.isBlank()
                ? detected(text)
                : declaredLanguage.toLowerCase(Locale.ROOT);
        Sentiment sentiment = language != null && SENTIMENT_LANGUAGES.contains(language)
                ? sentiments.analyze(text, language)
                : null;
        return new Enrichment(language, sentiment, TextFingerprint.of(text));
    }

    private String detected(String text) {
        DetectedLanguage detected = languages.detect(text);
        return detected.isDetermined() ? detected.code() : null;
    }
}
