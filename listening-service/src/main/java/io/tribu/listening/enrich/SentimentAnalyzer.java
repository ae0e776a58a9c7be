package io.tribu.listening.enrich;

import java.util.List;

/**
 * Sentiment of French and English social-media texts: the lexicon-and-rules scorer
 * ({@link LexiconSentimentScorer}: negation incl. "ne ... pas", intensifiers, "mais"/"but", emoji, capitals,
 * elongation, exclamation) feeds a small trained linear model ({@link SentimentModel}) that also reads words,
 * word pairs and character n-grams. Without the model resource it falls back to the rules alone.
 *
 * <p>Plain class, no I/O after construction, no shared mutable state: construct once (a few hundred ms, about
 * 5 MB of heap) and call from any thread. Texts in languages other than French are read with the English
 * lexicon, which mostly leaves them neutral.
 */
public final class SentimentAnalyzer {

    private final LexiconSentimentScorer rules;
    private final SentimentModel model;

    /** The bundled lexicons and trained model. */
    public SentimentAnalyzer() {
        this(new LexiconSentimentScorer(), SentimentModel.bundled().orElse(null));
    }

    /** @param model null for the lexicon rules alone */
    SentimentAnalyzer(LexiconSentimentScorer rules, SentimentModel model) {
        this.rules = rules;
        this.model = model;
    }

    /** Whether the trained model is in use, or only the rules. */
    public boolean usesTrainedModel() {
        return model != null;
    }

    /**
     * @param text     the text as posted
     * @param language ISO 639-1 code of the text, e.g. from {@link LanguageDetector}; "fr" selects the French
     *                 lexicon and rules, anything else the English ones
     */
    public Sentiment analyze(String text, String language) {
        if (text == null || text.isBlank()) {
            return new Sentiment(SentimentLabel.NEUTRAL, 0.0, 1.0);
        }
        boolean isFrench = "fr".equals(language);
        List<Token> tokens = rules.tokenizer().tokenize(text, isFrench);
        TokenMarks marks = new TokenMarks(tokens.size());
        LexiconScore lexicon = rules.score(tokens, isFrench, marks);
        if (model == null) {
            return new Sentiment(lexicon.label(), lexicon.compound(), Math.abs(lexicon.compound()));
        }
        double[] p = model.probabilities(SentimentFeatures.extract(tokens, marks, lexicon, isFrench, model.bits()));
        int best = 0;
        for (int c = 1; c < p.length; c++) {
            if (p[c] > p[best]) {
                best = c;
            }
        }
        double score = p[SentimentLabel.POSITIVE.ordinal()] - p[SentimentLabel.NEGATIVE.ordinal()];
        return new Sentiment(SentimentLabel.values()[best], score, p[best]);
    }

    /** The rules alone, whatever the model: for comparison and for explaining a label. */
    public Sentiment analyzeWithRules(String text, String language) {
        if (text == null || text.isBlank()) {
            return new Sentiment(SentimentLabel.NEUTRAL, 0.0, 1.0);
        }
        LexiconScore lexicon = rules.score(text, language);
        return new Sentiment(lexicon.label(), lexicon.compound(), Math.abs(lexicon.compound()));
    }

    /** Features of a text, for training. */
    SentimentFeatures features(String text, String language, int bits) {
        boolean isFrench = "fr".equals(language);
        List<Token> tokens = rules.tokenizer().tokenize(text, isFrench);
        TokenMarks marks = new TokenMarks(tokens.size());
        LexiconScore lexicon = rules.score(tokens, isFrench, marks);
        return SentimentFeatures.extract(tokens, marks, lexicon, isFrench, bits);
    }
}
