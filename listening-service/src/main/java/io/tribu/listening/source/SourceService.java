package io.tribu.listening.source;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.tribu.platform.access.NotFoundProblems;
import io.tribu.platform.net.UrlGuard;
import io.tribu.platform.problem.Problems;
import io.tribu.listening.config.ListeningConfig;
import io.tribu.listening.source.webhook.WebhookSecrets;
import io.tribu.listening.source.youtube.ApiKeys;
import io.tribu.listening.source.youtube.YoutubeConnector;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class SourceService {

    static final int DEFAULT_POLL_INTERVAL_SECONDS = 900;
    /** A stream read from a cursor: short polls keep the delay low, each reads only what is new. */
    static final int STREAM_POLL_INTERVAL_SECONDS = 10;

    private final UrlGuard addresses;
    private final Clock clock;
    private final ApiKeys apiKeys;
    private final int youtubeInterval;

    public SourceService(UrlGuard addresses, Clock clock, ApiKeys apiKeys, ListeningConfig config) {
        this.addresses = addresses;
        this.clock = clock;
        this.apiKeys = apiKeys;
        this.youtubeInterval = YoutubeConnector.pollIntervalSeconds(config.sources().youtube().dailyUnits());
    }

    @WithTransaction
    public Uni<Source> add(String tenant, String brandId, SourceRequest request) {
        boolean youtube = "youtube".equals(request.type());
        if (youtube) {
            String refusal = youtubeRefusal(request);
            if (refusal != null) {
                int colon = refusal.indexOf(' ');
                return Uni.createFrom().failure(Problems.invalidBody(refusal.substring(0, colon), refusal.substring(colon + 1)));
            }
        }
        boolean polled = !"webhook".equals(request.type()) && !youtube;
        if (polled && (request.url() == null || request.url().isBlank())) {
            return Uni.createFrom().failure(
                    Problems.invalidBody("url", "is required for an " + request.type() + " source"));
        }
        boolean tagged = "mastodon".equals(request.type()) || "bluesky".equals(request.type());
        if (tagged && request.hashtag() == null) {
            return Uni.createFrom().failure(
                    Problems.invalidBody("hashtag", "is required for a " + request.type() + " source"));
        }
        if (polled) {
            String refusal = addresses.refusal(UrlGuards.parse("url", request.url())).orElse(null);
            if (refusal != null) {
                return Uni.createFrom().failure(Problems.refusedUrl("url", refusal));
            }
        }
        Source source = new Source();
        source.id = UUID.randomUUID();
        source.tenant = tenant;
        source.brandId = brandId;
        source.type = request.type();
        source.url = polled ? request.url() : null;
        source.hashtag = tagged ? request.hashtag() : null;
        source.webhookSecret = "webhook".equals(request.type()) ? WebhookSecrets.generate() : null;
        source.query = youtube ? request.query().strip() : null;
        source.sealedApiKey = youtube ? apiKeys.seal(source.id, request.apiKey()) : null;
        source.pollIntervalSeconds = request.pollIntervalSeconds() != null ? request.pollIntervalSeconds()
                : youtube ? youtubeInterval
                : "bluesky".equals(request.type()) ? STREAM_POLL_INTERVAL_SECONDS : DEFAULT_POLL_INTERVAL_SECONDS;
        source.ownedChannel = Boolean.TRUE.equals(request.ownedChannel());
        source.enabled = true;
        source.createdAt = clock.instant();
        source.nextPollAt = source.createdAt;
        return source.persist();
    }

    /** What a youtube source's request lacks, as "field reason", or null. */
    private String youtubeRefusal(SourceRequest request) {
        if (request.query() == null || request.query().isBlank()) {
            return "query is required for a youtube source";
        }
        if (request.apiKey() == null) {
            return "apiKey is required for a youtube source";
        }
        if (Boolean.TRUE.equals(request.ownedChannel())) {
            return "ownedChannel must be false for a youtube source: a search hears the public, not the brand's channel";
        }
        if (request.pollIntervalSeconds() != null && request.pollIntervalSeconds() < youtubeInterval) {
            return "pollIntervalSeconds must be at least " + youtubeInterval + " for a youtube source (its daily quota "
                    + "budget spread over the day, 100 units a search)";
        }
        return null;
    }

    @WithSession
    public Uni<List<Source>> list(String tenant, String brandId) {
        return Source.<Source>find("tenant = ?1 and brandId = ?2 order by createdAt", tenant, brandId).list();
    }

    @WithSession
    public Uni<Source> find(String tenant, String brandId, UUID id) {
        return Source.<Source>find("id = ?1 and tenant = ?2 and brandId = ?3", id, tenant, brandId).firstResult()
                .onItem().ifNull().failWith(() -> NotFoundProblems.of("Source " + id + " not found"));
    }

    /**
     * Pauses (false) or resumes (true) listening to a source: a paused one is neither polled nor streamed, and a paused
     * webhook source refuses deliveries like an unknown one; a resumed one is polled at once.
     */
    @WithTransaction
    public Uni<Source> listen(String tenant, String brandId, UUID id, boolean enabled) {
        return find(tenant, brandId, id).invoke(source -> {
            if (enabled && !source.enabled) {
                source.nextPollAt = clock.instant();
            }
            source.enabled = enabled;
        });
    }

    @WithTransaction
    public Uni<Void> remove(String tenant, String brandId, UUID id) {
        return Source.delete("id = ?1 and tenant = ?2 and brandId = ?3", id, tenant, brandId)
                .chain(deleted -> deleted == 0
                        ? Uni.createFrom().failure(NotFoundProblems.of("Source " + id + " not found"))
                        : Uni.createFrom().voidItem());
    }
}
