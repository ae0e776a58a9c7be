package io.tribu.listening.enrich;

/**
 * What the lexicon rules learned about each token of one text, handed to the trained model's features.
 * Filled by {@link LexiconSentimentScorer#score(java.util.List, boolean, TokenMarks)}; one per call, never shared.
 */
final class TokenMarks {

    /** The token is in a negation scope. */
    final boolean[] negated;
    /** At the first token of a fixed expression ("pas mal de"), its length in tokens; -1 on its other tokens; else 1. */
    final int[] phraseLength;

    TokenMarks(int tokens) {
        negated = new boolean[tokens];
        phraseLength = new int[tokens];
        java.util.Arrays.fill(phraseLength, 1);
    }
}
