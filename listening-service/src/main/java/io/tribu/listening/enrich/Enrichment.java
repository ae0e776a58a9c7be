package io.tribu.listening.enrich;

/**
 * What enrichment adds to a mention.
 *
 * @param language    ISO 639-1 code as declared by the source or detected; null when undetermined
 * @param sentiment   null for languages other than French and English
 * @param fingerprint near-duplicate fingerprint of the text, see {@link TextFingerprint}
 */
public record Enrichment(String language, Sentiment sentiment, TextFingerprint fingerprint) {
}
