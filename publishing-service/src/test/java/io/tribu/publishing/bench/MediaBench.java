package io.tribu.publishing.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tribu.publishing.channel.ChannelCredentials;
import io.tribu.publishing.network.Account;
import io.tribu.publishing.network.BlueskyAdapter;
import io.tribu.publishing.network.MastodonAdapter;
import io.tribu.publishing.network.MastodonMedia;
import io.tribu.publishing.network.MediaFetch;
import io.tribu.publishing.network.NetworkAdapter;
import io.tribu.publishing.network.NetworkHttp;
import io.tribu.publishing.network.Outcome;
import io.tribu.publishing.network.fake.FakeBluesky;
import io.tribu.publishing.network.fake.FakeMastodon;
import io.tribu.publishing.network.fake.FakeMediaHost;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What media cost a delivery: {@code POSTS} posts published through the real adapter (download from a local
 * media host through the SSRF guard, upload, then the post) against the in-process fake network, {@code
 * CONCURRENCY} at a time as the delivery workers call it, each with {@code MEDIA} images of {@code SIZE}
 * bytes (0: text only, the cost before media were uploaded). Prints posts/s, latency percentiles, bytes
 * moved and the heap high-water mark (sampled every 5 ms). CPU and heap include the fakes (same JVM).
 * Run by publishing-service/bench/media.sh.
 */
public final class MediaBench {

    private MediaBench() {
    }

    public static void main(String[] args) throws Exception {
        String network = env("NETWORK", "mastodon");
        int posts = Integer.parseInt(env("POSTS", "400"));
        int media = Integer.parseInt(env("MEDIA", "4"));
        int size = Integer.parseInt(env("SIZE", "900000"));
        int concurrency = Integer.parseInt(env("CONCURRENCY", "16"));
        int warmup = Integer.parseInt(env("WARMUP", "100"));

        NetworkHttp http = new NetworkHttp(new ObjectMapper(), Clock.systemUTC());
        MediaFetch fetch = new MediaFetch(io.vertx.core.Vertx.vertx(), java.util.Optional.of(List.of("127.0.0.0/8")), 16_777_216, Duration.ofSeconds(30),
                Clock.systemUTC());
        try (FakeMediaHost cdn = new FakeMediaHost(); FakeMastodon mastodon = new FakeMastodon(); FakeBluesky bluesky = new FakeBluesky()) {
            List<String> urls = new ArrayList<>();
            for (int i = 0; i < media; i++) {
                urls.add(cdn.file("/bench/photo-" + i + ".jpg", "image/jpeg", FakeMediaHost.image(size + i)));
            }
            NetworkAdapter adapter;
            Account account;
            if (network.equals("bluesky")) {
                adapter = new BlueskyAdapter(http, fetch, Clock.systemUTC());
                account = new Account(UUID.randomUUID(), bluesky.baseUrl(), FakeBluesky.IDENTIFIER,
                        new ChannelCredentials(null, null, null, FakeBluesky.IDENTIFIER, FakeBluesky.APP_PASSWORD));
            } else {
                adapter = new MastodonAdapter(http, fetch, new MastodonMedia(http, Duration.ofMillis(50), Duration.ofSeconds(60)));
                account = new Account(UUID.randomUUID(), mastodon.baseUrl(), "@bench@mastodon.example",
                        new ChannelCredentials(FakeMastodon.TOKEN, null, null, null, null));
            }
            run(adapter, account, urls, warmup, concurrency, "warmup");
            System.gc();
            HeapWatch heap = new HeapWatch();
            long cpu = cpuNanos();
            long start = System.nanoTime();
            long[] latencies = run(adapter, account, urls, posts, concurrency, "bench");
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (cpuNanos() - cpu) / 1e9;
            heap.stop();
            Arrays.sort(latencies);
            double megabytes = (double) posts * media * size / 1e6;
            System.out.printf("network=%s posts=%d media=%d size=%d concurrency=%d%n", network, posts, media, size, concurrency);
            System.out.printf("posts/s=%.1f latency p50=%.0fms p99=%.0fms max=%.0fms%n", posts / seconds,
                    latencies[posts / 2] / 1e6, latencies[(int) (posts * 0.99)] / 1e6, latencies[posts - 1] / 1e6);
            System.out.printf("media MB downloaded=%.0f (%.1f MB/s, uploaded as much) cpu=%.1fs (%.1f ms/post) heap high-water=%d MB (-Xmx %d MB)%n",
                    megabytes, megabytes / seconds, cpuSeconds, cpuSeconds * 1000 / posts, heap.peak() / 1_000_000,
                    Runtime.getRuntime().maxMemory() / 1_000_000);
        }
        System.exit(0);
    }

    /** Publishes {@code count} posts, {@code concurrency} at a time; the latency of each, in nanoseconds. */
    private static long[] run(NetworkAdapter adapter, Account account, List<String> urls, int count, int concurrency, String label)
            throws Exception {
        Semaphore slots = new Semaphore(concurrency);
        long[] latencies = new long[count];
        AtomicInteger failed = new AtomicInteger();
        List<CompletableFuture<?>> all = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            slots.acquire();
            int index = i;
            long begin = System.nanoTime();
            all.add(adapter.publish(account, label + " " + UUID.randomUUID(), urls, UUID.randomUUID().toString(), false)
                    .subscribeAsCompletionStage().whenComplete((outcome, error) -> {
                        latencies[index] = System.nanoTime() - begin;
                        if (!(outcome instanceof Outcome.Published)) {
                            failed.incrementAndGet();
                            System.err.println(label + ": post " + index + " " + (error != null ? error : outcome));
                        }
                        slots.release();
                    }));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).exceptionally(error -> null).join();
        if (failed.get() > 0) {
            throw new IllegalStateException(label + ": " + failed.get() + " posts not published");
        }
        return latencies;
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** The highest heap in use seen while running. */
    private static final class HeapWatch {
        private final AtomicLong peak = new AtomicLong();
        private final Thread thread;
        private volatile boolean running = true;

        HeapWatch() {
            thread = new Thread(() -> {
                Runtime runtime = Runtime.getRuntime();
                while (running) {
                    peak.accumulateAndGet(runtime.totalMemory() - runtime.freeMemory(), Math::max);
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-watch");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
        }

        long peak() {
            return peak.get();
        }
    }
}
