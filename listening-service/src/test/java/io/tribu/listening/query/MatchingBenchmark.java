package io.tribu.listening.query;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Mentions matched per second on ONE thread against 1k/10k/100k listening queries, for tweet-sized and
 * blog-article-sized FR/EN texts, one mention at a time, and the heap the queries take. Worst case on purpose:
 * every query belongs to the mentions' brand (the brand scoping removes nothing).
 * Run with {@code listening-service/bench/matching.sh [seconds-per-measure] [ENGINE|MONITOR] [query counts]}:
 * ENGINE is {@link QueryMatcher}, MONITOR the Lucene Monitor it replaced ({@link MonitorMatcher}); the query
 * counts, comma-separated, default to 1000,10000,100000 (one count alone is handy under a profiler).
 */
public final class MatchingBenchmark {

    private static final String TENANT = "bench";
    private static final String BRAND = "brand";
    private static final String[] SYLLABLES = {"ka", "lo", "vé", "ri", "ton", "mi", "sa", "dor", "ne", "lu", "zen",
            "pa", "co", "bri", "ta", "mo", "el", "fi", "gar", "no", "xi", "ru", "bel", "da", "ora", "vic", "quo"};
    private static final String[] FR = ("le la les un une des de du et mais ou donc car je tu il elle nous vous ils "
            + "livraison colis retard service client produit crème qualité prix avis commande remboursement magasin "
            + "très vraiment encore toujours jamais super nul génial déçu content merci bonjour hier aujourd'hui "
            + "l'équipe d'abord qu'il j'ai c'est n'est cosmétique beauté parfum soin peau cheveux boutique promo "
            + "café thé chocolat recette goût achat vendeur attente téléphone réponse application site internet "
            + "emploi recrute stage ville paris lyon marseille week-end soirée enfants famille cadeau noël").split(" ");
    private static final String[] EN = ("the a an and but or so i you he she we they delivery parcel late service "
            + "customer product cream quality price review order refund store very really still always never great "
            + "awful amazing disappointed happy thanks hello yesterday today team first it's don't cosmetics beauty "
            + "perfume skincare skin hair shop deal coffee tea chocolate recipe taste purchase seller waiting phone "
            + "answer app website job hiring city london weekend party kids family gift christmas").split(" ");
    private static final String[] TOPICS = {"livraison", "delivery", "avis", "review", "prix", "price", "qualité",
            "service", "remboursement", "refund"};

    private final Random random = new Random(42);
    private final List<String> names = new ArrayList<>();

    /** One matcher under test: loads queries, counts the matches of one mention. */
    private interface Engine extends AutoCloseable {
        void load(List<StoredQuery> queries);

        int matches(MentionDocument mention);

        @Override
        default void close() throws Exception {
        }
    }

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
        String engine = args.length > 1 ? args[1] : "ENGINE";
        int[] sizes = Arrays.stream((args.length > 2 ? args[2] : "1000,10000,100000").split(","))
                .mapToInt(Integer::parseInt).toArray();
        new MatchingBenchmark().run(sizes, seconds, engine);
    }

    private static Engine engine(String name) {
        if (name.equals("MONITOR")) {
            MonitorMatcher monitor = new MonitorMatcher();
            return new Engine() {
                public void load(List<StoredQuery> queries) {
                    monitor.putAll(queries);
                }

                public int matches(MentionDocument mention) {
                    return monitor.match(mention).matched().size();
                }

                public void close() throws Exception {
                    monitor.close();
                }
            };
        }
        QueryMatcher matcher = new QueryMatcher();
        return new Engine() {
            public void load(List<StoredQuery> queries) {
                matcher.putAll(queries);
            }

            public int matches(MentionDocument mention) {
                return matcher.match(mention).size();
            }
        };
    }

    private void run(int[] sizes, double seconds, String engineName) throws Exception {
        while (names.size() < 100_000) {
            names.add(name());
        }
        List<String> rows = new ArrayList<>();
        for (int size : sizes) {
            List<MentionDocument> tweets = texts(size, 4_000, 8, 40);
            List<MentionDocument> articles = texts(size, 400, 400, 1_200);
            List<StoredQuery> queries = queries(size);
            long heapBefore = heapAfterGc();
            try (Engine engine = engine(engineName)) {
                long start = System.nanoTime();
                engine.load(queries);
                double load = (System.nanoTime() - start) / 1e9;
                double megabytes = (heapAfterGc() - heapBefore) / 1e6;
                System.out.printf("%s, %,d queries loaded in %.1f s, %.0f MB of heap%n", engineName, size, load,
                        megabytes);
                for (String kind : List.of("tweet", "article")) {
                    List<MentionDocument> texts = kind.equals("tweet") ? tweets : articles;
                    Result result = measure(engine, texts, seconds);
                    String row = String.format("| %,8d | %-7s | %5d | %,10.0f | %5.2f | %5.1f | %5.0f |", size, kind,
                            avgLength(texts), result.perSecond, result.matchesPerMention, load, megabytes);
                    System.out.println(row);
                    rows.add(row);
                }
            }
        }
        System.out.println();
        System.out.println("| queries  | text    | chars | mentions per CPU-s | matches/mention | load s | index MB |");
        System.out.println("|---------:|---------|------:|-----------:|-------:|-------:|------:|");
        rows.forEach(System.out::println);
    }

    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private record Result(double perSecond, double matchesPerMention) {
    }

    private static Result measure(Engine engine, List<MentionDocument> texts, double seconds) {
        run(engine, texts, Math.min(2, seconds / 2)); // warm-up: JIT
        return run(engine, texts, seconds);
    }

    /**
     * Mentions per second of this thread's CPU time, not of wall time: on a shared machine the thread waits for the
     * core, and a wall-clock rate would measure the other work.
     */
    private static Result run(Engine engine, List<MentionDocument> texts, double seconds) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long matches = 0;
        long count = 0;
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        while (System.nanoTime() < end) {
            for (int i = 0; i < 16; i++) {
                matches += engine.matches(texts.get((int) (count++ % texts.size())));
            }
        }
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        return new Result(count / cpuSeconds, (double) matches / count);
    }

    private String name() {
        StringBuilder name = new StringBuilder();
        int parts = 2 + random.nextInt(2);
        for (int i = 0; i < parts; i++) {
            name.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
        }
        return name.toString();
    }

    /** The shapes community managers write: names, OR lists, phrases, NEAR, wildcards, exclusions, filters. */
    private List<StoredQuery> queries(int size) {
        List<StoredQuery> queries = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            String name = names.get(i);
            String other = names.get(random.nextInt(size));
            String topic = TOPICS[random.nextInt(TOPICS.length)];
            String text = switch (i % 10) {
                case 0 -> name;
                case 1 -> name + " OR #" + name + " OR @" + name;
                case 2 -> "\"" + name + " paris\" OR \"" + name + " " + other + "\"";
                case 3 -> name.substring(0, Math.min(name.length(), 5)) + "* " + topic;
                case 4 -> "(" + name + " OR " + other + ") NOT (emploi OR job OR recrute OR hiring)";
                case 5 -> name + " NEAR/5 (livraison OR delivery OR colis OR parcel)";
                case 6 -> "(" + name + " OR #" + name + ") lang:fr";
                case 7 -> "\"l'" + name + "\" OR \"d'" + name + "\" OR " + name + "*";
                case 8 -> "(" + name + " OR " + other + ") source:mastodon NOT author:@" + other;
                default -> name + " (avis OR review OR " + topic + ") NOT spam";
            };
            queries.add(new StoredQuery(UUID.randomUUID(), TENANT, BRAND, "q" + i, text, "brand", null, Instant.EPOCH));
        }
        return queries;
    }

    /** Everyday FR or EN words; a third of the texts name one of the registered brands, sometimes as #tag/@handle. */
    private List<MentionDocument> texts(int brands, int count, int minWords, int maxWords) {
        List<MentionDocument> texts = new ArrayList<>(count);
        for (int t = 0; t < count; t++) {
            boolean french = random.nextBoolean();
            String[] words = french ? FR : EN;
            int length = minWords + random.nextInt(maxWords - minWords + 1);
            StringBuilder text = new StringBuilder();
            for (int w = 0; w < length; w++) {
                if (w > 0) {
                    text.append(w % 17 == 0 ? ". " : " ");
                }
                if (random.nextInt(length * 3) == 0) {
                    String name = names.get(random.nextInt(brands));
                    text.append(switch (random.nextInt(4)) {
                        case 0 -> "#" + name;
                        case 1 -> "@" + name;
                        case 2 -> french ? "l'" + name : name + "'s";
                        default -> Character.toUpperCase(name.charAt(0)) + name.substring(1);
                    });
                } else {
                    text.append(words[random.nextInt(words.length)]);
                }
            }
            texts.add(new MentionDocument(TENANT, BRAND, text.toString(), french ? "fr" : "en",
                    random.nextInt(3) == 0 ? "mastodon" : "rss", names.get(random.nextInt(brands))));
        }
        return texts;
    }

    private static int avgLength(List<MentionDocument> texts) {
        return (int) texts.stream().mapToInt(m -> m.text().length()).average().orElse(0);
    }
}
