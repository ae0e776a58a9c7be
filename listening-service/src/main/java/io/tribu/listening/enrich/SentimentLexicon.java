package io.tribu.listening.enrich;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Word valences of one language (VADER's scale, about -4..+4), looked up by {@link Token#key()}.
 * Three kinds of entries, from the most to the least trusted: exact words and fixed expressions,
 * "prefix*" entries, and stems of a secondary lexicon that only match with a known inflectional
 * ending. Read-only after construction, so safe to share between threads.
 */
final class SentimentLexicon {

    /** Endings a stem of the secondary French lexicon may carry, after the Snowball French suffix classes. */
    private static final Set<String> FRENCH_ENDINGS = Set.copyOf(List.of(
            "", "e", "s", "es", "x", "er", "ers", "ere", "eres", "e", "ee", "ees", "es", "ent", "ant", "ante", "ants", "antes",
            "ait", "ais", "aient", "ez", "ons", "ir", "it", "is", "ie", "ies", "i", "if", "ive", "ives", "ifs", "eux",
            "euse", "euses", "ement", "ment", "ique", "iques", "able", "ables", "ible", "ibles", "ion", "ions", "ite",
            "ites", "eur", "eurs", "eus", "ance", "ances", "ence", "ences", "ation", "ations", "al", "ale", "aux", "ales",
            "elle", "elles", "el", "els", "erie", "eries", "ure", "ures", "issement", "issant", "issante", "iste",
            "istes", "isme", "a", "ai", "as", "era", "erait", "euement", "ieux", "ieuse", "ifiant", "ifiante", "amment",
            "emment"));

    private final Map<String, Double> exact;
    private final Map<String, Double> prefixes;
    private final Map<String, Double> stems;
    private final Map<String, Double> phrases;
    private final int longestPhrase;
    private final int shortestPrefix;
    private final boolean frenchInflections;

    private SentimentLexicon(Map<String, Double> exact, Map<String, Double> prefixes, Map<String, Double> stems,
                             Map<String, Double> phrases, boolean frenchInflections) {
        this.exact = Map.copyOf(exact);
        this.prefixes = Map.copyOf(prefixes);
        this.stems = Map.copyOf(stems);
        this.phrases = Map.copyOf(phrases);
        this.longestPhrase = phrases.keySet().stream().mapToInt(p -> p.split(" ").length).max().orElse(1);
        this.shortestPrefix = prefixes.keySet().stream().mapToInt(String::length).min().orElse(Integer.MAX_VALUE);
        this.frenchInflections = frenchInflections;
    }

    /** English: VADER's lexicon (the words only; emoticons are in the shared emoji lexicon). */
    static SentimentLexicon english(Tokenizer tokenizer) {
        Builder b = new Builder(tokenizer, false);
        b.read("enrich/en-vader-lexicon.tsv", 1.0, false);
        b.read("enrich/en-extra-lexicon.tsv", 1.0, false);
        return b.build(false);
    }

    /** French: the project's own lexicon first, then the stems of the Pattern lexicon scaled to the same range. */
    static SentimentLexicon french(Tokenizer tokenizer) {
        Builder b = new Builder(tokenizer, true);
        b.read("enrich/fr-lexicon.tsv", 1.0, false);
        b.read("enrich/fr-pattern-lexicon.tsv", 2.5, true);
        return b.build(true);
    }

    /** Emoji and emoticons, shared by all languages. */
    static Map<String, Double> emoji() {
        Map<String, Double> out = new HashMap<>();
        for (String[] row : rows("enrich/emoji-lexicon.tsv")) {
            int first = row[0].codePointAt(0);
            // emoji are keyed on their base code point, as the tokenizer keys them
            String key = Tokenizer.isEmoji(first) ? new String(Character.toChars(first)) : row[0];
            out.putIfAbsent(key, Double.parseDouble(row[1]));
        }
        return Map.copyOf(out);
    }

    int longestPhrase() {
        return longestPhrase;
    }

    /** Valence of a fixed expression made of these token keys joined by single spaces, or null. */
    Double phrase(String keys) {
        return phrases.get(keys);
    }

    /** Valence of a word given its key, trying the squeezed key for elongated words; 0 when unknown. */
    double valence(Token token) {
        Double v = lookup(token.key());
        if (v == null && token.elongated()) {
            v = lookup(token.squeezedKey());
        }
        return v == null ? 0.0 : v;
    }

    Double lookup(String key) {
        Double v = exact.get(key);
        if (v != null) {
            return v;
        }
        if (frenchInflections) {
            v = inflected(key);
            if (v != null) {
                return v;
            }
        }
        for (int len = key.length(); len >= shortestPrefix; len--) {
            v = prefixes.get(key.substring(0, len));
            if (v != null) {
                return v;
            }
        }
        if (!stems.isEmpty()) {
            for (int len = key.length(); len >= 3; len--) {
                v = stems.get(key.substring(0, len));
                if (v != null && FRENCH_ENDINGS.contains(key.substring(len))) {
                    return v;
                }
            }
        }
        return null;
    }

    private Double inflected(String key) {
        for (String[] rule : FRENCH_INFLECTIONS) {
            if (key.endsWith(rule[0]) && key.length() > rule[0].length() + 1) {
                Double v = exact.get(key.substring(0, key.length() - rule[0].length()) + rule[1]);
                if (v != null) {
                    return v;
                }
            }
        }
        return null;
    }

    /** Feminine and plural endings back to the masculine singular, keys already accent-free. */
    private static final String[][] FRENCH_INFLECTIONS = {
            {"euses", "eux"}, {"euse", "eux"}, {"ives", "if"}, {"ive", "if"}, {"ifs", "if"}, {"elles", "el"},
            {"elle", "el"}, {"ennes", "en"}, {"enne", "en"}, {"ettes", "et"}, {"ette", "et"}, {"eres", "er"},
            {"ere", "er"}, {"ees", "e"}, {"ee", "e"}, {"es", "e"}, {"aux", "al"}, {"es", ""}, {"s", ""}, {"x", ""},
            {"e", ""}};

    private static List<String[]> rows(String resource) {
        InputStream in = SentimentLexicon.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing resource " + resource);
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return r.lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(l -> l.split("\t"))
                    .filter(cols -> cols.length >= 2)
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Builder {
        private final Tokenizer tokenizer;
        private final boolean french;
        private final Map<String, Double> exact = new HashMap<>();
        private final Map<String, Double> prefixes = new HashMap<>();
        private final Map<String, Double> stems = new HashMap<>();
        private final Map<String, Double> phrases = new HashMap<>();

        Builder(Tokenizer tokenizer, boolean french) {
            this.tokenizer = tokenizer;
            this.french = french;
        }

        void read(String resource, double scale, boolean asStems) {
            for (String[] row : rows(resource)) {
                String entry = row[0].strip();
                double valence = Double.parseDouble(row[1]) * scale;
                if (asStems) {
                    stems.putIfAbsent(Tokenizer.fold(entry), valence);
                } else if (entry.endsWith("*")) {
                    prefixes.putIfAbsent(Tokenizer.fold(entry.substring(0, entry.length() - 1)), valence);
                } else if (entry.indexOf(' ') > 0) {
                    String keys = tokenizer.tokenize(entry, french).stream()
                            .map(Token::key).collect(Collectors.joining(" "));
                    phrases.putIfAbsent(keys, valence);
                } else {
                    List<Token> tokens = tokenizer.tokenize(entry, french);
                    if (tokens.size() == 1 && tokens.get(0).isWord()) {
                        exact.putIfAbsent(tokens.get(0).key(), valence);
                    } else if (tokens.size() > 1 && tokens.stream().allMatch(Token::isWord)) {
                        phrases.putIfAbsent(tokens.stream().map(Token::key).collect(Collectors.joining(" ")), valence);
                    }
                }
            }
        }

        SentimentLexicon build(boolean frenchInflections) {
            return new SentimentLexicon(exact, prefixes, stems, phrases, frenchInflections);
        }
    }
}
