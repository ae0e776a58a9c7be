package io.tribu.listening.enrich;

import java.util.List;
import java.util.Map;

/**
 * Lexicon-and-rules sentiment in the manner of VADER (Hutto &amp; Gilbert 2014), written for French and
 * English: word valences from a lexicon, adjusted for negation scope (including French "ne ... pas",
 * colloquial "j'aime pas"), intensifiers and softeners, a "but"/"mais" contrast, words in capitals,
 * elongated words and exclamation marks; emoji and emoticons add their own valence. Fixed expressions
 * ("pas mal", "pas mal de", "kind of") are matched before single words.
 *
 * <p>Stateless after construction; one instance serves all threads.
 */
final class LexiconSentimentScorer {

    /** Scale of VADER's normalisation: sum / sqrt(sum^2 + ALPHA) maps any sum into (-1, 1). */
    static final double ALPHA = 15.0;
    /** Compound scores within this distance of zero are neutral (VADER's usual threshold). */
    static final double NEUTRAL_BAND = 0.05;

    private static final int NEGATION_SCOPE = 3;
    private static final double NEGATED_POSITIVE = -0.74;
    private static final double NEGATED_NEGATIVE = -0.5;
    private static final double BEFORE_CONTRAST = 0.5;
    private static final double AFTER_CONTRAST = 1.5;
    private static final double CAPS_EMPHASIS = 0.7;
    private static final double ELONGATION_EMPHASIS = 0.4;
    private static final double EXCLAMATION_EMPHASIS = 0.25;

    private final Tokenizer tokenizer;
    private final SentimentLexicon english;
    private final SentimentLexicon french;
    private final Map<String, Double> emoji;
    private final SentimentRules englishRules = SentimentRules.english();
    private final SentimentRules frenchRules = SentimentRules.french();

    LexiconSentimentScorer() {
        Map<String, Double> emoji = SentimentLexicon.emoji();
        this.emoji = emoji;
        this.tokenizer = new Tokenizer(emoji.keySet().stream()
                .filter(k -> !Tokenizer.isEmoji(k.codePointAt(0)))
                .collect(java.util.stream.Collectors.toSet()));
        this.english = SentimentLexicon.english(tokenizer);
        this.french = SentimentLexicon.french(tokenizer);
    }

    Tokenizer tokenizer() {
        return tokenizer;
    }

    /** Scores a text; any language other than "fr" is read with the English lexicon and rules. */
    LexiconScore score(String text, String language) {
        boolean isFrench = "fr".equals(language);
        List<Token> tokens = tokenizer.tokenize(text, isFrench);
        return score(tokens, isFrench, null);
    }

    /** @param marks if not null, receives the negation scopes and fixed expressions found (for the trained model) */
    LexiconScore score(List<Token> tokens, boolean isFrench, TokenMarks marks) {
        SentimentLexicon lexicon = isFrench ? french : english;
        SentimentRules rules = isFrench ? frenchRules : englishRules;
        int n = tokens.size();
        double[] valence = new double[n];
        boolean[] inPhrase = new boolean[n];
        boolean anyLowerCaseWord = false;
        int exclamations = 0;
        int questions = 0;

        for (int i = 0; i < n; i++) {
            Token t = tokens.get(i);
            switch (t.kind()) {
                case EMOJI, EMOTICON -> valence[i] = emoji.getOrDefault(t.key(), 0.0);
                case PUNCTUATION -> {
                    exclamations += t.count('!');
                    questions += t.count('?');
                }
                case WORD, HASHTAG -> {
                    if (!t.allCaps()) {
                        anyLowerCaseWord = true;
                    }
                    if (inPhrase[i]) {
                        continue;
                    }
                    int phraseLength = matchPhrase(tokens, i, lexicon);
                    if (phraseLength > 1) {
                        valence[i] = lexicon.phrase(keys(tokens, i, phraseLength));
                        for (int k = i; k < i + phraseLength; k++) {
                            inPhrase[k] = true;
                            if (marks != null) {
                                marks.phraseLength[k] = k == i ? phraseLength : -1;
                            }
                        }
                    } else {
                        valence[i] = lexicon.valence(t);
                    }
                }
                default -> {
                    // numbers, links and mentions carry no sentiment
                }
            }
        }

        // a booster that is also a sentiment word ("super", "grave", "bien") boosts when a sentiment word follows
        for (int i = 0; i + 1 < n; i++) {
            if (valence[i] != 0 && !inPhrase[i] && tokens.get(i).isWord()
                    && rules.boosters().containsKey(tokens.get(i).key()) && valence[i + 1] != 0 && tokens.get(i + 1).isWord()) {
                valence[i] = 0;
            }
        }

        boolean[] negated = negationScope(tokens, inPhrase, rules, isFrench);
        if (marks != null) {
            System.arraycopy(negated, 0, marks.negated, 0, n);
        }
        int contrastAt = -1;
        for (int i = 0; i < n && contrastAt < 0; i++) {
            if (tokens.get(i).isWord() && !inPhrase[i] && rules.contrast().contains(tokens.get(i).key())) {
                contrastAt = i;
            }
        }

        double sum = 0;
        double positive = 0;
        double negative = 0;
        int hits = 0;
        int negatedHits = 0;
        for (int i = 0; i < n; i++) {
            double v = valence[i];
            if (v == 0) {
                continue;
            }
            Token t = tokens.get(i);
            if (t.isWord()) {
                v *= boost(tokens, i, rules);
                if (t.allCaps() && anyLowerCaseWord) {
                    v += Math.signum(v) * CAPS_EMPHASIS;
                }
                if (t.elongated()) {
                    v += Math.signum(v) * ELONGATION_EMPHASIS;
                }
                if (negated[i]) {
                    v *= v > 0 ? NEGATED_POSITIVE : NEGATED_NEGATIVE;
                    negatedHits++;
                }
            }
            if (contrastAt >= 0) {
                v *= i < contrastAt ? BEFORE_CONTRAST : AFTER_CONTRAST;
            }
            hits++;
            sum += v;
            if (v > 0) {
                positive += v;
            } else {
                negative -= v;
            }
        }
        if (sum != 0) {
            sum += Math.signum(sum) * EXCLAMATION_EMPHASIS * Math.min(exclamations, 4);
        }
        double compound = sum / Math.sqrt(sum * sum + ALPHA);
        return new LexiconScore(compound, positive, negative, hits, negatedHits, contrastAt >= 0, exclamations, questions);
    }

    private static int matchPhrase(List<Token> tokens, int start, SentimentLexicon lexicon) {
        int longest = Math.min(lexicon.longestPhraseFrom(tokens.get(start).key()), tokens.size() - start);
        for (int len = longest; len >= 2; len--) {
            boolean allWords = true;
            for (int k = start; k < start + len && allWords; k++) {
                allWords = tokens.get(k).isWord();
            }
            if (allWords && lexicon.phrase(keys(tokens, start, len)) != null) {
                return len;
            }
        }
        return 1;
    }

    private static String keys(List<Token> tokens, int start, int len) {
        if (len == 1) {
            return tokens.get(start).key();
        }
        StringBuilder b = new StringBuilder();
        for (int k = start; k < start + len; k++) {
            if (k > start) {
                b.append(' ');
            }
            b.append(tokens.get(k).key());
        }
        return b.toString();
    }

    /** Product of the boosters among the (up to) three words before position i, the nearest counting most. */
    private static double boost(List<Token> tokens, int i, SentimentRules rules) {
        double factor = 1.0;
        double distanceDamping = 1.0;
        for (int j = i - 1; j >= 0 && j >= i - 3; j--) {
            Token t = tokens.get(j);
            if (!t.isWord()) {
                break;
            }
            Double b = rules.boosters().get(t.key());
            if (j > 0 && tokens.get(j - 1).isWord()) {
                Double pair = rules.boosters().get(tokens.get(j - 1).key() + " " + t.key());
                if (pair != null) {
                    b = pair;
                    j--;
                }
            }
            if (b != null) {
                factor *= 1.0 + (b - 1.0) * distanceDamping;
            }
            distanceDamping *= 0.9;
        }
        return factor;
    }

    private static boolean[] negationScope(List<Token> tokens, boolean[] inPhrase, SentimentRules rules, boolean isFrench) {
        int n = tokens.size();
        boolean[] negated = new boolean[n];
        int remaining = 0;
        int openParticle = -1;
        for (int i = 0; i < n; i++) {
            Token t = tokens.get(i);
            if (t.kind() == Token.Kind.PUNCTUATION) {
                remaining = 0;
                openParticle = -1;
                continue;
            }
            if (!t.isWord()) {
                continue;
            }
            String key = t.key();
            if (rules.contrast().contains(key)) {
                remaining = 0;
                openParticle = -1;
                continue;
            }
            if (remaining > 0) {
                negated[i] = true;
                remaining--;
            }
            if (inPhrase[i]) {
                continue; // "pas mal", "pas de souci": the expression carries its own valence
            }
            if (rules.negationParticles().contains(key)) {
                openParticle = i;
                continue;
            }
            boolean negator = rules.negators().contains(key)
                    || openParticle >= 0 && rules.negatorsAfterNe().contains(key)
                    || !isFrench && key.endsWith("n't");
            if (!negator) {
                continue;
            }
            if (openParticle >= 0) {
                for (int k = openParticle + 1; k < i; k++) {
                    negated[k] = true;
                }
                openParticle = -1;
            } else if (rules.negatesPrecedingWord() && "pas".equals(key) && i > 0 && tokens.get(i - 1).isWord()) {
                negated[i - 1] = true;
            }
            remaining = NEGATION_SCOPE;
        }
        return negated;
    }
}
