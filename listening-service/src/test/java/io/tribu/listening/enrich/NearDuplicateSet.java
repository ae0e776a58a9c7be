package io.tribu.listening.enrich;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * A labelled near-duplicate detector set made from the shared tweets (English and French, ../shared/data/sentiment):
 * each original tweet of at least {@link TextFingerprint#MIN_WORDS} words gets one copy the way copies happen on the
 * networks (a small edit, a retweet prefix, a truncation with "…", a link changed, a retweet that is also cut), and
 * two distinct texts: a random other tweet and the other tweet sharing the most words with it (a hard negative: same
 * topic, same hashtags, under half of the words in common: not a copy). Deterministic: the same files and {@link #SEED} give the same pairs. A detector
 * test set, not training data: nothing is fitted on it.
 */
public final class NearDuplicateSet {

    static final long SEED = 23;

    /** How the copy was made; {@code DISTINCT_*} pairs are not copies. */
    public enum Kind {
        SMALL_EDIT, RETWEET, TRUNCATION, LINK_CHANGE, RETWEET_TRUNCATED, DISTINCT_RANDOM, DISTINCT_SIMILAR;

        public boolean copy() {
            return !name().startsWith("DISTINCT");
        }
    }

    public record Pair(Kind kind, String a, String b) {
    }

    private NearDuplicateSet() {
    }

    /** The originals: the shared tweets of enough words, each text once, in file order. */
    static List<String> originals(Path root) {
        Set<String> texts = new LinkedHashSet<>();
        for (Path file : SharedData.files(root, "sentiment")) {
            for (SharedData.Row row : SharedData.read(file)) {
                String text = row.text().strip();
                if (TextFingerprint.words(text).size() >= TextFingerprint.MIN_WORDS) {
                    texts.add(text);
                }
            }
        }
        return new ArrayList<>(texts);
    }

    public static List<Pair> pairs(Path root) {
        List<String> originals = originals(root);
        Random random = new Random(SEED);
        List<Set<String>> words = originals.stream().map(t -> (Set<String>) new HashSet<>(TextFingerprint.words(t))).toList();
        Kind[] copies = {Kind.SMALL_EDIT, Kind.RETWEET, Kind.TRUNCATION, Kind.LINK_CHANGE, Kind.RETWEET_TRUNCATED};
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < originals.size(); i++) {
            String original = originals.get(i);
            Kind kind = copies[i % copies.length];
            pairs.add(new Pair(kind, original, copy(kind, original, originals, random)));
            int other = random.nextInt(originals.size() - 1);
            pairs.add(new Pair(Kind.DISTINCT_RANDOM, original, originals.get(other >= i ? other + 1 : other)));
            pairs.add(new Pair(Kind.DISTINCT_SIMILAR, original, originals.get(mostSimilar(i, words, random))));
        }
        return pairs;
    }

    /**
     * Among 2,000 other tweets drawn at random, the one sharing the most words (ties: the first drawn) but fewer than
     * half of the shorter one's: the sets hold real copies of each other (one headline shared by several accounts with
     * other hashtags), which are no distinct texts.
     */
    private static int mostSimilar(int i, List<Set<String>> words, Random random) {
        int best = -1;
        int bestShared = -1;
        for (int n = 0; n < 2_000; n++) {
            int j = random.nextInt(words.size());
            if (j == i || words.get(j).equals(words.get(i))) {
                continue;
            }
            int shared = 0;
            for (String w : words.get(j)) {
                shared += words.get(i).contains(w) ? 1 : 0;
            }
            if (shared > bestShared && 2 * shared < Math.min(words.get(i).size(), words.get(j).size())) {
                best = j;
                bestShared = shared;
            }
        }
        return best;
    }

    static String copy(Kind kind, String text, List<String> originals, Random random) {
        return switch (kind) {
            case SMALL_EDIT -> smallEdit(text, originals, random);
            case RETWEET -> retweet(text, random);
            case TRUNCATION -> truncated(text, random);
            case LINK_CHANGE -> linkChanged(text, random);
            case RETWEET_TRUNCATED -> truncated(retweet(text, random), random);
            default -> throw new IllegalArgumentException(kind.name());
        };
    }

    /** One or two edits: a word dropped, a word replaced by one of another tweet, case changed, "!!" or a hashtag added. */
    private static String smallEdit(String text, List<String> originals, Random random) {
        List<String> tokens = new ArrayList<>(List.of(text.split(" ")));
        int edits = 1 + random.nextInt(2);
        for (int e = 0; e < edits && tokens.size() > 1; e++) {
            int at = random.nextInt(tokens.size());
            switch (random.nextInt(5)) {
                case 0 -> tokens.remove(at);
                case 1 -> {
                    String[] other = originals.get(random.nextInt(originals.size())).split(" ");
                    tokens.set(at, other[random.nextInt(other.length)]);
                }
                case 2 -> tokens.set(at, tokens.get(at).toUpperCase(Locale.ROOT));
                case 3 -> tokens.add("!!");
                default -> tokens.add("#" + new String[]{"news", "wow", "fail", "top", "info"}[random.nextInt(5)]);
            }
        }
        return String.join(" ", tokens);
    }

    private static String retweet(String text, Random random) {
        return "RT @user" + random.nextInt(10_000) + ": " + text;
    }

    /** Cut at a space between 60 % and 90 % of the text, then "…" (what clients do to fit a quote). */
    private static String truncated(String text, Random random) {
        int target = (int) (text.length() * (0.6 + 0.3 * random.nextDouble()));
        int cut = text.lastIndexOf(' ', target);
        return (cut > 0 ? text.substring(0, cut) : text.substring(0, target)) + "…";
    }

    /** Every link replaced by another shortened one; a tweet without a link gets one at the end. */
    private static String linkChanged(String text, Random random) {
        String link = "https://t.co/" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36).substring(0, 10);
        String changed = text.replaceAll("https?://\\S*", link);
        return changed.equals(text) ? text + " " + link : changed;
    }
}
