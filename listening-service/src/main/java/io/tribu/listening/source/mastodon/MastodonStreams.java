package io.tribu.listening.source.mastodon;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import io.tribu.listening.config.ListeningConfig;
import io.tribu.listening.mention.MentionService;
import io.tribu.platform.net.PinnedHttp;
import io.tribu.platform.net.UrlGuard;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.tribu.listening.source.HeardItem;
import io.tribu.listening.source.Source;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Mastodon's streaming API (server-sent events of {@code /api/v1/streaming/hashtag}) for every enabled Mastodon
 * source: a status reaches Tribu seconds after it is posted instead of at the next poll. The stream never moves
 * the source's cursor: the REST poll stays the gapless record (it reads everything after its cursor, the
 * statuses already streamed included, and the per-source status id stores each once). So a dropped connection,
 * an instance that requires a token for streaming, or a replica restart loses nothing; the stream reconnects
 * with a growing delay. Each replica streams every source; the unique status id keeps one copy. Edits and deletions
 * exist only here: each (re)connection asks {@link MastodonReconciler} to read back those made while it was down, and
 * a source whose stream is down or off (only polled) gets such a run periodically. The connection goes through the
 * platform's {@link PinnedHttp} (the instance's address checked, then connected to); each line is read on demand
 * by the source's own thread, which stores what it says.
 */
@ApplicationScoped
public class MastodonStreams {

    private static final Logger LOG = Logger.getLogger(MastodonStreams.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(2);
    private static final Duration LAST_RETRY = Duration.ofMinutes(5);

    private final MentionService mentions;
    private final MastodonReconciler reconciler;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);

    private final PinnedHttp http;
    private final ObjectMapper json;
    private final boolean enabled;
    private final Clock clock;
    private final Map<UUID, Connection> open = new ConcurrentHashMap<>();

    public MastodonStreams(MentionService mentions, MastodonReconciler reconciler, PinnedHttp http, ObjectMapper json,
                           ListeningConfig config, Clock clock) {
        this.mentions = mentions;
        this.reconciler = reconciler;
        this.http = http;
        this.json = json;
        this.enabled = config.sources().mastodon().streaming();
        this.clock = clock;
    }

    /**
     * Opens a stream for each new Mastodon source, closes those of sources removed, disabled or changed; sources
     * whose stream is down (refused by the instance, dropped) or off are only polled, so their edits and deletions
     * are read back by a periodic reconciliation instead.
     */
    @Scheduled(every = "${tribu.sources.mastodon.stream-check}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void keepStreamsOpen() throws Throwable {
        List<Source> sources = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(
                () -> Source.<Source>list("type = 'mastodon' and enabled")));
        if (enabled) {
            Map<UUID, Source> wanted = sources.stream().collect(Collectors.toMap(s -> s.id, s -> s));
            open.forEach((id, stream) -> {
                Source now = wanted.get(id);
                if (now == null || !stream.follows(now)) {
                    open.remove(id).stop();
                }
            });
            wanted.values().forEach(source -> open.computeIfAbsent(source.id, id -> Connection.start(this, source)));
        }
        reconciler.requestWhilePolling(sources.stream().filter(source -> {
            Connection stream = open.get(source.id);
            return stream == null || stream.down;
        }).toList());
    }

    /** Sources with a stream running (connected or waiting to reconnect). */
    Set<UUID> streaming() {
        return Set.copyOf(open.keySet());
    }

    @PreDestroy
    void stopAll() {
        open.values().forEach(Connection::stop);
        open.clear();
    }

    /** Connected (again): what was edited or deleted while the stream was down is read back from the REST API. */
    void connected(Source source) {
        try {
            reconciler.request(source);
        } catch (Throwable e) {
            LOG.debugf("Reconciliation of Mastodon source %s not asked for: %s", source.id, e.getMessage());
        }
    }

    static URI hashtagStream(Source source) {
        return URI.create(MastodonConnector.instance(source) + "/api/v1/streaming/hashtag?tag="
                + URLEncoder.encode(source.hashtag, StandardCharsets.UTF_8));
    }

    /**
     * Acts on one streamed event: {@code update} stores a new status, {@code status.update} (an edit) revises the
     * stored mention or stores it if it was never heard, {@code delete} (its data is the status id) withdraws it.
     * A failed new status is left to the next poll, which reads it again; edits and deletions exist only on the
     * stream, so one lost (the stream or the database away) waits for the reconciliation of the next (re)connection.
     */
    void onEvent(Source source, String event, String data) {
        try {
            switch (event) {
                case "update" -> {
                    HeardItem item = statusOf(source, data);
                    if (item != null) {
                        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                                () -> mentions.recordOnce(source.tenant, source.brandId, item.at(source))));
                    }
                }
                case "status.update" -> {
                    HeardItem item = statusOf(source, data);
                    if (item != null) {
                        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                                () -> mentions.revise(source.tenant, source.brandId, item.at(source))
                                        .onItem().ifNull().switchTo(() ->
                                                mentions.recordOnce(source.tenant, source.brandId, item.at(source)))));
                    }
                }
                case "delete" -> {
                    String id = data.trim();
                    VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                            () -> mentions.withdraw(source.id, id)));
                }
                default -> {
                    // notifications, announcements, filters: nothing a mention is made of
                }
            }
        } catch (Throwable e) {
            LOG.debugf("Streamed %s of source %s not applied: %s", event, source.id, e.getMessage());
        }
    }

    private HeardItem statusOf(Source source, String data) throws IOException {
        return MastodonConnector.mentionOf(json.readValue(data, MastodonStatus.class), MastodonConnector.instance(source),
                clock.instant());
    }

    /** One source's connection, on its own thread, reconnecting until stopped. */
    private static final class Connection implements Runnable {
        private final MastodonStreams streams;
        private final Source source;
        private final Thread thread;
        private volatile boolean stopped;
        /** Tried and not connected now: the source is only polled until the stream is back. */
        private volatile boolean down;
        private volatile PinnedHttp.Lines lines;

        private Connection(MastodonStreams streams, Source source) {
            this.streams = streams;
            this.source = source;
            this.thread = new Thread(this, "mastodon-stream-" + source.id);
            thread.setDaemon(true);
        }

        static Connection start(MastodonStreams streams, Source source) {
            Connection stream = new Connection(streams, source);
            stream.thread.start();
            return stream;
        }

        boolean follows(Source now) {
            return now.url.equals(source.url) && now.hashtag.equals(source.hashtag);
        }

        void stop() {
            stopped = true;
            PinnedHttp.Lines current = lines;
            if (current != null) {
                current.close();
            }
            thread.interrupt(); // ends the wait for the next line
        }

        @Override
        public void run() {
            Duration retry = FIRST_RETRY;
            while (!stopped) {
                try {
                    if (listen()) {
                        retry = FIRST_RETRY; // was connected: a fresh drop, retry soon
                    }
                } catch (IOException | RuntimeException e) {
                    LOG.debugf("Mastodon stream of source %s: %s", source.id, e.getMessage());
                } catch (InterruptedException e) {
                    return;
                }
                down = true;
                try {
                    Thread.sleep(retry.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
                retry = retry.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : retry.multipliedBy(2);
            }
        }

        /** Reads the stream until it ends; true when it was connected. */
        private boolean listen() throws IOException, InterruptedException {
            URI url = hashtagStream(source);
            try (PinnedHttp.Lines body = open(url)) {
                lines = body;
                if (body.status() != 200) {
                    throw new IOException("HTTP " + body.status() + " from " + url);
                }
                down = false;
                streams.connected(source);
                ServerSentEvents events = new ServerSentEvents((event, data) -> streams.onEvent(source, event, data));
                for (String line = body.next(); line != null && !stopped; line = body.next()) {
                    events.line(line);
                }
                return true;
            } finally {
                lines = null;
            }
        }

        private PinnedHttp.Lines open(URI url) throws IOException, InterruptedException {
            try {
                return streams.http.lines(url, new RequestOptions().setMethod(HttpMethod.GET)
                        .addHeader("Accept", "text/event-stream")
                        .addHeader("User-Agent", "Tribu-Listening/1.0 (+https://tribu.io)"), CONNECT_TIMEOUT);
            } catch (UrlGuard.Refused refused) {
                throw new IOException("refused " + url + ": " + refused.getMessage());
            }
        }
    }
}
