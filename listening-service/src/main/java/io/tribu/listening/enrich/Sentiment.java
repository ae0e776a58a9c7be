package io.tribu.listening.enrich;

/**
 * Polarity of a text.
 *
 * @param label      negative, neutral or positive
 * @param score      from -1 (most negative) to +1 (most positive): the model's P(positive) - P(negative), or the
 *                   rules' compound score when no trained model is loaded
 * @param confidence the probability of {@code label} (model), or |score| for the rules alone; in [0, 1]
 */
public record Sentiment(SentimentLabel label, double score, double confidence) {
}
