package io.tribu.listening.enrich;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import opennlp.tools.langdetect.LanguageDetectorModel;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;

/**
 * Detects the language of a short social-media text with Apache OpenNLP's language-detection model
 * ({@code langdetect-183.bin}: a maximum-entropy model over character 1- to 3-grams, 103 languages, trained
 * on the Leipzig corpora; Maven artifact {@code org.apache.opennlp:opennlp-models-langdetect}).
 *
 * <p>The model is read once with OpenNLP and its weights copied into flat arrays keyed by the n-gram packed
 * in a {@code long}. Scoring a text then needs no string allocation per n-gram, which takes it from about
 * 75 µs (OpenNLP's {@code LanguageDetectorME}, regular-expression normalisers and a 103-entry sort) to a few
 * µs. The probabilities are the model's own: same features (distinct lower-cased 1- to 3-grams of the text
 * without links, mentions, hashtags, digits and emoji, runs of a character cut to two), same weights, softmax.
 *
 * <p>Common n-grams ("e", "th", " de") carry a weight for most of the 103 languages: their weights are kept as
 * one dense row each and added with a loop the JIT turns into vector instructions; the rare ones (most n-grams,
 * 1 to 15 languages each) keep a short list of (language, weight) pairs. Scores are summed in {@code float}.
 *
 * <p>Only the first {@code maxChars} characters of the normalised text are read, cut at a word boundary: a few
 * hundred characters are plenty to tell a language, and an article then costs a few hundred n-grams instead of
 * thousands.
 *
 * <p>A text with fewer than {@code minLetters} letters, or whose best language has a probability below
 * {@code minConfidence}, is {@link DetectedLanguage#UNDETERMINED}. Immutable: one instance serves all threads.
 */
public final class LanguageDetector {

    /** Fewer letters than this and nothing is said: "ok", "lol", "top" are not a language. */
    public static final int DEFAULT_MIN_LETTERS = 8;
    /** Below this probability the answer is "und" rather than a guess. */
    public static final double DEFAULT_MIN_CONFIDENCE = 0.5;
    /** Characters of normalised text read at most: a long tweet (no detected language of the shared sets changed). */
    public static final int DEFAULT_MAX_CHARS = 300;
    /**
     * An n-gram with weights for at least this many languages gets a dense row of 104 floats, added with vector
     * instructions; below, scattered pairs. A trade between speed and memory (16: +4 MB of heap), not tuned finely.
     */
    private static final int DENSE_FROM = 16;
    /** Slot flag: the n-gram's weights are a dense row. */
    private static final long DENSE = 0x80;
    /**
     * The model's raw probabilities are nearly flat over its 103 languages (often below 0.05 for the best on a
     * tweet), so its scores are multiplied by this factor before the softmax. The value maximised the likelihood
     * of the known language over the shared development sets (a single scalar: 3 gave mean -log p 0.18, 10 gave
     * 0.05, 30 gave 0.09); it changes confidences, hardly the ranking.
     */
    static final double SHARPNESS = 10.0;

    /**
     * Prior odds of the languages Tribu's customers write in, against 1 for each of the model's other languages:
     * French and English first, then the other known languages.
     */
    public static final Map<String, Double> DEFAULT_PRIORS = Map.of(
            "fr", 100.0, "en", 100.0, "es", 20.0, "de", 20.0, "it", 20.0, "pt", 20.0, "nl", 20.0);

    private static final String MODEL_RESOURCE = "langdetect-183.bin";

    private final int minLetters;
    private final double minConfidence;
    private final int maxChars;
    private final String[] languages;
    private final double[] logPrior;
    /**
     * Open addressing, two longs a slot: the packed n-gram, then (offset << 8 | count) of its sparse pairs in
     * {@link #entries}, or (offset << 8 | {@link #DENSE}) of its row in {@link #rows}.
     */
    private final long[] slots;
    /** Per rare n-gram, its (outcome, weight) pairs, one int each: the weight's float bits with the outcome in the low 7 bits. */
    private final int[] entries;
    /** Per common n-gram, a weight for every outcome ({@link #width} floats, zeros for the outcomes it has none for). */
    private final float[] rows;
    /** Outcomes rounded up to a multiple of 8 (one AVX register of floats), the length of a row and of the score array. */
    private final int width;
    private final int mask;

    public LanguageDetector() {
        this(DEFAULT_PRIORS, DEFAULT_MIN_LETTERS, DEFAULT_MIN_CONFIDENCE, DEFAULT_MAX_CHARS);
    }

    /**
     * @param priors        relative prior odds per ISO 639-1 code against 1 for every other language of the model
     * @param minLetters    fewer letters than this (after removing links, mentions, hashtags, digits) gives "und"
     * @param minConfidence a best probability below this gives "und"
     * @param maxChars      characters of normalised text read at most, cut back to the last space
     */
    public LanguageDetector(Map<String, Double> priors, int minLetters, double minConfidence, int maxChars) {
        this.minLetters = minLetters;
        this.minConfidence = minConfidence;
        this.maxChars = maxChars;
        AbstractModel model = load();
        Object[] data = model.getDataStructures();
        Context[] params = (Context[]) data[0];
        @SuppressWarnings("unchecked")
        Map<String, ?> predicates = (Map<String, ?>) data[1];
        String[] outcomeNames = (String[]) data[2];

        languages = new String[outcomeNames.length];
        Map<String, String> toIso1 = iso639Part1();
        for (int i = 0; i < outcomeNames.length; i++) {
            languages[i] = toIso1.getOrDefault(outcomeNames[i], DetectedLanguage.UNDETERMINED);
        }

        logPrior = new double[outcomeNames.length];
        for (int i = 0; i < outcomeNames.length; i++) {
            logPrior[i] = Math.log(priors.getOrDefault(languages[i], 1.0));
        }

        int capacity = Integer.highestOneBit(Math.max(16, predicates.size() * 3 / 2)) << 1; // load at most 2/3
        mask = capacity - 1;
        slots = new long[2 * capacity];
        width = (outcomeNames.length + 7) & ~7;
        int sparseTotal = 0;
        int denseCount = 0;
        for (Context c : params) {
            if (c.getOutcomes().length >= DENSE_FROM) {
                denseCount++;
            } else {
                sparseTotal += c.getOutcomes().length;
            }
        }
        entries = new int[sparseTotal];
        rows = new float[denseCount * width];
        int next = 0;
        int nextRow = 0;
        for (Map.Entry<String, ?> e : predicates.entrySet()) {
            long key = pack(e.getKey());
            if (key == 0) {
                continue; // longer than three chars: never produced by the features
            }
            // OpenNLP 2.x maps each predicate to its Context, older versions to an index into the parameters
            Context c = e.getValue() instanceof Context context ? context : params[(Integer) e.getValue()];
            int[] o = c.getOutcomes();
            double[] w = c.getParameters();
            int slot = slotOf(key);
            slots[2 * slot] = key;
            if (o.length >= DENSE_FROM) {
                slots[2 * slot + 1] = (long) nextRow << 8 | DENSE;
                for (int k = 0; k < o.length; k++) {
                    rows[nextRow + o[k]] = (float) w[k];
                }
                nextRow += width;
            } else {
                slots[2 * slot + 1] = (long) next << 8 | o.length;
                for (int k = 0; k < o.length; k++) {
                    // 7 low mantissa bits hold the outcome: a relative error of 2^-16 on the weight
                    entries[next++] = Float.floatToRawIntBits((float) w[k]) & ~0x7F | o[k];
                }
            }
        }
    }

    /** The most probable language of the text, or "und". */
    public DetectedLanguage detect(String text) {
        if (text == null) {
            return new DetectedLanguage(DetectedLanguage.UNDETERMINED, 0);
        }
        char[] normalized = normalize(text, maxChars);
        int letters = 0;
        for (char c : normalized) {
            if (Character.isLetter(c)) {
                letters++;
            }
        }
        if (letters < minLetters) {
            return new DetectedLanguage(DetectedLanguage.UNDETERMINED, 0);
        }
        double[] p = probabilities(normalized);
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
        }
        if (p[best] < minConfidence || DetectedLanguage.UNDETERMINED.equals(languages[best])) {
            return new DetectedLanguage(DetectedLanguage.UNDETERMINED, p[best]);
        }
        return new DetectedLanguage(languages[best], p[best]);
    }

    /** The model's probability per language for the text, in the model's outcome order; for tests and benchmarks. */
    double[] probabilities(char[] normalized) {
        float[] weights = new float[width];
        int n = normalized.length;
        long[] seen = new long[Integer.highestOneBit(Math.max(8, 3 * n)) << 2];
        int seenMask = seen.length - 1;
        for (int len = 1; len <= 3; len++) {
            for (int i = 0; i + len <= n; i++) {
                long key = len;
                for (int k = 0; k < len; k++) {
                    key = key << 16 | normalized[i + k];
                }
                // distinct n-grams only, each counted once, as OpenNLP does
                int h = (int) mix(key) & seenMask;
                boolean fresh = true;
                while (seen[h] != 0) {
                    if (seen[h] == key) {
                        fresh = false;
                        break;
                    }
                    h = (h + 1) & seenMask;
                }
                if (!fresh) {
                    continue;
                }
                seen[h] = key;
                int slot = find(key);
                if (slot < 0) {
                    continue;
                }
                long row = slots[2 * slot + 1];
                int from = (int) (row >>> 8);
                if ((row & DENSE) != 0) {
                    addRow(weights, from);
                } else {
                    int to = from + (int) (row & 0x7F);
                    for (int k = from; k < to; k++) {
                        int entry = entries[k];
                        weights[entry & 0x7F] += Float.intBitsToFloat(entry & ~0x7F);
                    }
                }
            }
        }
        double[] score = new double[languages.length];
        for (int i = 0; i < score.length; i++) {
            score[i] = SHARPNESS * weights[i] + logPrior[i];
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double s : score) {
            max = Math.max(max, s);
        }
        double sum = 0;
        for (int i = 0; i < score.length; i++) {
            score[i] = Math.exp(score[i] - max);
            sum += score[i];
        }
        for (int i = 0; i < score.length; i++) {
            score[i] /= sum;
        }
        return score;
    }

    /** A plain counted loop over whole rows, which C2 compiles to vector adds. */
    private void addRow(float[] sum, int from) {
        float[] r = rows;
        for (int k = 0; k < sum.length; k++) {
            sum[k] += r[from + k];
        }
    }

    String language(int outcome) {
        return languages[outcome];
    }

    /**
     * The text's beginning, normalised: lower case; links, e-mail addresses, @mentions, #hashtags, digits and emoji
     * become spaces; runs of spaces become one, runs of three or more of the same character become two. At most
     * {@code maxChars} characters, cut back to the last space when the text goes on (unless the prefix holds no
     * space at all); the text after them is not even read.
     */
    static char[] normalize(String text, int maxChars) {
        int n = text.length();
        // reading stops once the kept characters would surely fill maxChars: whitespace runs collapse, so read
        // a little more than needed, and cut exactly below
        long readUntil = 2L * maxChars + 16;
        StringBuilder b = new StringBuilder((int) Math.min(n, readUntil));
        int i = 0;
        while (i < n && b.length() < readUntil) {
            char c = text.charAt(i);
            if (c == 'h' || c == 'H' || c == 'w' || c == 'W') {
                if (text.regionMatches(true, i, "http://", 0, 7) || text.regionMatches(true, i, "https://", 0, 8)
                        || text.regionMatches(true, i, "www.", 0, 4)) {
                    i = skipToSpace(text, i);
                    b.append(' ');
                    continue;
                }
            }
            if ((c == '@' || c == '#') && i + 1 < n && !Character.isWhitespace(text.charAt(i + 1))) {
                // a mention, a hashtag, or the domain part of an e-mail address
                i = skipToSpace(text, i);
                int w = b.length();
                while (w > 0 && !Character.isWhitespace(b.charAt(w - 1))) {
                    w--;
                }
                if (c == '@') {
                    b.setLength(w); // the local part of an e-mail address goes too
                }
                b.append(' ');
                continue;
            }
            if (Character.isDigit(c) || Character.isSurrogate(c) || Tokenizer.isEmoji(c)) {
                b.append(' ');
                i++;
                continue;
            }
            b.append(Character.toLowerCase(c));
            i++;
        }
        // collapse whitespace and long runs
        char[] out = new char[b.length()];
        int len = 0;
        boolean wordCut = i < n; // reading stopped early: the last word may be cut
        for (int k = 0; k < b.length(); k++) {
            if (len == maxChars) {
                wordCut = !Character.isWhitespace(b.charAt(k));
                break;
            }
            char c = b.charAt(k);
            if (Character.isWhitespace(c)) {
                c = ' ';
                if (len == 0 || out[len - 1] == ' ') {
                    continue;
                }
            } else if (len >= 2 && out[len - 1] == c && out[len - 2] == c) {
                continue;
            }
            out[len++] = c;
        }
        if (wordCut) {
            // a word cut in two would add n-grams of no language
            int space = len;
            while (space > 0 && out[space - 1] != ' ') {
                space--;
            }
            if (space > 0) {
                len = space;
            }
        }
        if (len > 0 && out[len - 1] == ' ') {
            len--;
        }
        return java.util.Arrays.copyOf(out, len);
    }

    private static int skipToSpace(String text, int i) {
        while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static long pack(String gram) {
        if (gram.isEmpty() || gram.length() > 3) {
            return 0;
        }
        long key = gram.length();
        for (int k = 0; k < gram.length(); k++) {
            key = key << 16 | gram.charAt(k);
        }
        return key;
    }

    private int slotOf(long key) {
        int h = (int) mix(key) & mask;
        while (slots[2 * h] != 0 && slots[2 * h] != key) {
            h = (h + 1) & mask;
        }
        return h;
    }

    private int find(long key) {
        int h = (int) mix(key) & mask;
        while (slots[2 * h] != 0) {
            if (slots[2 * h] == key) {
                return h;
            }
            h = (h + 1) & mask;
        }
        return -1;
    }

    private static long mix(long x) {
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        return x;
    }

    private static AbstractModel load() {
        try (InputStream in = LanguageDetector.class.getClassLoader().getResourceAsStream(MODEL_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(MODEL_RESOURCE + " not on the class path (org.apache.opennlp:opennlp-models-langdetect)");
            }
            return (AbstractModel) new LanguageDetectorModel(in).getMaxentModel();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** ISO 639-3 codes of the model to ISO 639-1; the model uses a few individual-language codes Java does not map. */
    private static Map<String, String> iso639Part1() {
        Map<String, String> map = new HashMap<>();
        for (String two : Locale.getISOLanguages()) {
            try {
                map.put(Locale.forLanguageTag(two).getISO3Language(), two);
            } catch (java.util.MissingResourceException ignored) {
                // no three-letter form
            }
        }
        map.putAll(Map.ofEntries(
                Map.entry("cmn", "zh"), Map.entry("pes", "fa"), Map.entry("ekk", "et"), Map.entry("lvs", "lv"),
                Map.entry("zsm", "ms"), Map.entry("npi", "ne"), Map.entry("swh", "sw"), Map.entry("uzn", "uz"),
                Map.entry("azj", "az"), Map.entry("khk", "mn"), Map.entry("plt", "mg"), Map.entry("ory", "or"),
                Map.entry("arb", "ar"), Map.entry("gug", "gn"), Map.entry("ydd", "yi"), Map.entry("nob", "nb"),
                Map.entry("nno", "nn"), Map.entry("als", "sq"), Map.entry("quz", "qu"), Map.entry("pbu", "ps")));
        return map;
    }
}
