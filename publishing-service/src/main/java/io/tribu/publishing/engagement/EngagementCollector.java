package io.tribu.publishing.engagement;

import io.tribu.publishing.config.PublishingConfig;
import io.tribu.publishing.delivery.DeliveryRepository;
import io.tribu.publishing.post.MediaUrls;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.tribu.publishing.channel.ChannelService;
import io.tribu.publishing.network.Account;
import io.tribu.publishing.network.NetworkAdapter;
import io.tribu.platform.outbox.Outbox;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads the engagement counts of published posts from their networks, every {@code interval} during
 * {@code window} after publication, and emits tribu.publishing.engagement.collected.v1 for analytics.
 * Rows are taken with SKIP LOCKED and stamped in the same transaction, so replicas share the work; a
 * network that does not answer is asked again at the next interval.
 */
@ApplicationScoped
public class EngagementCollector {

    static final String TYPE = "tribu.publishing.engagement.collected.v1";
    private static final Logger LOG = Logger.getLogger(EngagementCollector.class);

    @RegisterForReflection
    record Collected(UUID postId, UUID variantId, String brandId, UUID channelId, String network, String externalId,
                     String url, String contentType, List<String> tags, Instant publishedAt, Instant collectedAt,
                     long likes, long comments, long shares, Long impressions) {
    }

    private final Pool pool;
    private final DeliveryRepository deliveries;
    private final ChannelService channels;
    private final Outbox outbox;
    private final Map<String, NetworkAdapter> adapters;
    private final Duration interval;
    private final Duration window;
    private final String topic;
    private final Clock clock;

    public EngagementCollector(Pool pool, DeliveryRepository deliveries, ChannelService channels, Outbox outbox,
                               Instance<NetworkAdapter> adapters,
                               PublishingConfig config, Clock clock) {
        this.pool = pool;
        this.deliveries = deliveries;
        this.channels = channels;
        this.outbox = outbox;
        this.adapters = adapters.stream().collect(Collectors.toMap(adapter -> adapter.network().wire(), Function.identity()));
        this.interval = config.engagement().interval();
        this.window = config.engagement().window();
        this.topic = config.topics().engagement();
        this.clock = clock;
    }

    @Scheduled(every = "${tribu.engagement.tick}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> tick() {
        Instant now = clock.instant();
        return deliveries.takeForEngagement(now.minus(window), now.minus(interval), now)
                .chain(rows -> Multi.createFrom().iterable(rows)
                        .onItem().transformToUni(this::collect).merge(8)
                        .collect().asList())
                .onFailure().invoke(failure -> LOG.warnf("Engagement collection failed: %s", failure.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    private static final java.util.regex.Pattern VIDEO = java.util.regex.Pattern.compile("(?i).*\\.(mp4|mov|webm)(\\?.*)?");
    private static final java.util.regex.Pattern LINK = java.util.regex.Pattern.compile("https?://\\S+");

    /** video or image by the first medium (by its file extension), else link when the text carries a URL, else text. */
    static String contentType(String text, List<String> media) {
        if (!media.isEmpty()) {
            return VIDEO.matcher(media.get(0)).matches() ? "video" : "image";
        }
        return text != null && LINK.matcher(text).find() ? "link" : "text";
    }

    private Uni<Void> collect(Row row) {
        NetworkAdapter adapter = adapters.get(row.getString("network"));
        if (adapter == null) {
            return Uni.createFrom().voidItem();
        }
        UUID channelId = row.getUUID("channel_id");
        Account account = channels.account(channelId, row.getString("network"), row.getString("base_url"),
                row.getString("handle"), row.getString("credentials"));
        return adapter.engagement(account, row.getString("external_id"))
                .chain(counts -> {
                    Collected data = new Collected(row.getUUID("post_id"), row.getUUID("id"), row.getString("brand_id"),
                            channelId, row.getString("network"), row.getString("external_id"), row.getString("url"),
                            contentType(row.getString("text"), MediaUrls.read(row.getString("media"))),
                            Arrays.asList(row.getArrayOfStrings("tags")),
                            row.getOffsetDateTime("published_at").toInstant(), clock.instant(),
                            counts.likes(), counts.comments(), counts.shares(), counts.impressions());
                    return outbox.appendAll(pool, List.of(
                            new Outbox.Pending(topic, row.getString("tenant"), row.getString("brand_id"), TYPE, data)));
                })
                .onFailure().invoke(failure -> LOG.infof("Engagement of delivery %s not read this time: %s",
                        row.getUUID("id"), failure.getMessage()))
                .onFailure().recoverWithNull();
    }
}
