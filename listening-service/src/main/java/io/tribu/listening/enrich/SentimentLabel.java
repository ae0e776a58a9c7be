package io.tribu.listening.enrich;

/** Polarity of a text; the order (negative, neutral, positive) is the class order of the trained model. */
public enum SentimentLabel {
    NEGATIVE,
    NEUTRAL,
    POSITIVE
}
