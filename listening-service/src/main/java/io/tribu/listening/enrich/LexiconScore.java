package io.tribu.listening.enrich;

/**
 * What the lexicon rules found in a text.
 *
 * @param compound     normalised sum of the adjusted valences, in (-1, 1)
 * @param positive     sum of the positive adjusted valences
 * @param negative     sum of the negative adjusted valences, as a positive number
 * @param hits         words, expressions, emoji and emoticons that carried a valence
 * @param negatedHits  of those, how many were in a negation scope
 * @param contrast     a "but"/"mais" split the text
 * @param exclamations exclamation marks
 * @param questions    question marks
 */
record LexiconScore(double compound, double positive, double negative, int hits, int negatedHits,
                    boolean contrast, int exclamations, int questions) {

    SentimentLabel label() {
        if (compound >= LexiconSentimentScorer.NEUTRAL_BAND) {
            return SentimentLabel.POSITIVE;
        }
        if (compound <= -LexiconSentimentScorer.NEUTRAL_BAND) {
            return SentimentLabel.NEGATIVE;
        }
        return SentimentLabel.NEUTRAL;
    }
}
