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

    private final KeyTable exact;
    private final KeyTable prefixes;
    private final KeyTable stems;
    private final Map<String, Double> phrases;
    /** Per first word of a fixed expression, the number of words of the longest one it starts. */
    private final Map<String, Integer> longestPhraseFrom;
    private final int shortestPrefix;
    private final boolean frenchInflections;

    private SentimentLexicon(Map<String, Double> exact, Map<String, Double> prefixes, Map<String, Double> stems,
                             Map<String, Double> phrases, boolean frenchInflections) {
        this.exact = new KeyTable(exact);
        this.prefixes = new KeyTable(prefixes);
        this.stems = new KeyTable(stems);
        this.phrases = Map.copyOf(phrases);
        Map<String, Integer> longest = new HashMap<>();
        for (String p : phrases.keySet()) {
            String[] words = p.split(" ");
            longest.merge(words[0], words.length, Math::max);
        }
        this.longestPhraseFrom = Map.copyOf(longest);
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

    /**
     * The number of words of the longest fixed expression that starts with this key, 1 when none does (most words:
     * the caller then builds no candidate expression at all).
     */
    int longestPhraseFrom(String firstKey) {
        return longestPhraseFrom.getOrDefault(firstKey, 1);
    }

    /** Valence of a fixed expression made of these token keys joined by single spaces, or null. */
    Double phrase(String keys) {
        return phrases.get(keys);
    }

    /** Valence of a word given its key, trying the squeezed key for elongated words; 0 when unknown. */
    double valence(Token token) {
        double v = lookup(token.key());
        if (Double.isNaN(v) && token.elongated()) {
            v = lookup(token.squeezedKey());
        }
        return Double.isNaN(v) ? 0.0 : v;
    }

    /** Valence of a key, NaN when the lexicon does not know it. Builds no string but on a stem's match. */
    double lookup(String key) {
        int slot = exact.find(key);
        if (slot != KeyTable.ABSENT) {
            return exact.value(slot);
        }
        int length = key.length();
        if (!frenchInflections && length < shortestPrefix && (stems.isEmpty() || length < 3)) {
            return Double.NaN;
        }
        int[] hashOfPrefix = KeyTable.prefixHashes(key);
        if (frenchInflections) {
            double v = inflected(key, hashOfPrefix);
            if (!Double.isNaN(v)) {
                return v;
            }
        }
        for (int len = length; len >= shortestPrefix; len--) {
            slot = prefixes.find(key, 0, len, "", hashOfPrefix[len]);
            if (slot != KeyTable.ABSENT) {
                return prefixes.value(slot);
            }
        }
        if (!stems.isEmpty()) {
            for (int len = length; len >= 3; len--) {
                slot = stems.find(key, 0, len, "", hashOfPrefix[len]);
                if (slot != KeyTable.ABSENT && FRENCH_ENDINGS.contains(key.substring(len))) {
                    return stems.value(slot);
                }
            }
        }
        return Double.NaN;
    }

    private double inflected(String key, int[] hashOfPrefix) {
        for (String[] rule : FRENCH_INFLECTIONS) {
            if (key.endsWith(rule[0]) && key.length() > rule[0].length() + 1) {
                int stemEnd = key.length() - rule[0].length();
                int slot = exact.find(key, 0, stemEnd, rule[1], KeyTable.extend(hashOfPrefix[stemEnd], rule[1]));
                if (slot != KeyTable.ABSENT) {
                    return exact.value(slot);
                }
            }
        }
        return Double.NaN;
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
