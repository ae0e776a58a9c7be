package io.tribu.listening.enrich;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The comparison point of the benchmark: VADER's lexicon and nothing else. Whitespace tokens, lower-cased,
 * stripped of surrounding punctuation unless the token itself is in the lexicon (emoticons), valences summed,
 * normalised like VADER's compound score with its +-0.05 neutral band. No negation, intensifiers, contrast,
 * capitals or punctuation rules.
 */
final class VaderBaseline {

    private final Map<String, Double> lexicon = new HashMap<>();

    VaderBaseline() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                getClass().getClassLoader().getResourceAsStream("enrich/en-vader-lexicon.tsv"), StandardCharsets.UTF_8))) {
            r.lines().filter(l -> !l.startsWith("#")).map(l -> l.split("\t"))
                    .forEach(cols -> lexicon.putIfAbsent(cols[0], Double.parseDouble(cols[1])));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    double compound(String text) {
        double sum = 0;
        for (String raw : text.split("\\s+")) {
            Double v = lexicon.get(raw);
            if (v == null) {
                String word = raw.toLowerCase(Locale.ROOT).replaceAll("^\\p{Punct}+|\\p{Punct}+$", "");
                v = lexicon.get(word);
            }
            if (v != null) {
                sum += v;
            }
        }
        return sum / Math.sqrt(sum * sum + LexiconSentimentScorer.ALPHA);
    }

    SentimentLabel label(String text) {
        double c = compound(text);
        return c >= LexiconSentimentScorer.NEUTRAL_BAND ? SentimentLabel.POSITIVE
                : c <= -LexiconSentimentScorer.NEUTRAL_BAND ? SentimentLabel.NEGATIVE : SentimentLabel.NEUTRAL;
    }
}
