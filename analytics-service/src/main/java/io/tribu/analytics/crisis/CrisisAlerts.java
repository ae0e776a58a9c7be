package io.tribu.analytics.crisis;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.tribu.analytics.config.AnalyticsConfig;
import io.tribu.analytics.drivers.MentionTextSample.MentionExample;
import io.tribu.platform.outbox.Outbox;
import io.tribu.analytics.period.ReportingPeriod;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Raises {@code tribu.analytics.alert.raised.v1} once per crisis episode: every check looks at the
 * last 24 hours of each brand heard from in the last 2 hours. The alert id is derived from tenant,
 * brand, kind and episode start, and recorded in {@code raised_alert} in the same transaction as the
 * outbox row, so finding the same episode again on the next check raises nothing.
 */
@ApplicationScoped
public class CrisisAlerts {

    public static final String TYPE = "tribu.analytics.alert.raised.v1";
    public static final String TOPIC = "tribu.analytics.alerts";
    static final Duration LOOK_BACK = Duration.ofHours(24);
    static final Duration ACTIVE = Duration.ofHours(2);

    private static final Logger LOG = Logger.getLogger(CrisisAlerts.class);

    private final CrisisService crises;
    private final Outbox outbox;
    private final double sensitivity;
    private final long minimumMentions;
    private final Clock clock;

    public CrisisAlerts(CrisisService crises, Outbox outbox,
                        AnalyticsConfig config, Clock clock) {
        this.crises = crises;
        this.outbox = outbox;
        this.sensitivity = config.crisis().sensitivity();
        this.minimumMentions = config.crisis().minimumMentions();
        this.clock = clock;
    }

    /** The alert's data; {@code kind} is volume or negative-share. */
    public record AlertRaised(UUID alertId, String brandId, String kind, Instant startedAt, Instant peakAt,
                              long mentions, double observedAtPeak, double usualAtPeak, Instant detectedAt,
                              List<MentionExample> topMentions) {
    }

    @Scheduled(every = "${tribu.crisis.check-interval}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> check() {
        Instant now = clock.instant();
        return Panache.withSession(() -> activeBrands(now))
                .onItem().transformToMulti(brands -> Multi.createFrom().iterable(brands))
                .onItem().transformToUniAndConcatenate(brand -> checkBrand(brand[0], brand[1], now))
                .collect().last()
                .onFailure().invoke(failure -> LOG.warnf("Crisis check failed, will retry: %s", failure.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    private Uni<List<String[]>> activeBrands(Instant now) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select distinct tenant, brand_id from mention_volume where bucket_start >= :since""", Object[].class)
                .setParameter("since", now.truncatedTo(ChronoUnit.HOURS).minus(ACTIVE))
                .getResultList()
                .map(rows -> rows.stream().map(row -> new String[]{(String) row[0], (String) row[1]}).toList()));
    }

    Uni<Void> checkBrand(String tenant, String brandId, Instant now) {
        ReportingPeriod period = new ReportingPeriod(now.truncatedTo(ChronoUnit.HOURS).minus(LOOK_BACK), now);
        return Panache.withTransaction(() -> crises.assess(tenant, brandId, period, sensitivity, minimumMentions)
                .chain(found -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (CrisisService.VolumeEpisode episode : found.volume()) {
                        chain = chain.chain(() -> raise(tenant, brandId, "volume", episode.start(), episode.peak(),
                                episode.mentions(), episode.peakMentions(), episode.expectedAtPeak(), now,
                                episode.topMentions()));
                    }
                    for (CrisisService.NegativeShareEpisode episode : found.negativeShare()) {
                        chain = chain.chain(() -> raise(tenant, brandId, "negative-share", episode.start(), episode.peak(),
                                episode.negative(), episode.peakShare(), episode.usualShareAtPeak(), now,
                                episode.topMentions()));
                    }
                    return chain;
                }))
                .onFailure().invoke(failure -> LOG.warnf("Crisis check of %s failed: %s", brandId, failure.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    static UUID alertId(String tenant, String brandId, String kind, Instant start) {
        return UUID.nameUUIDFromBytes((tenant + "\n" + brandId + "\n" + kind + "\n" + start)
                .getBytes(StandardCharsets.UTF_8));
    }

    private Uni<Void> raise(String tenant, String brandId, String kind, Instant start, Instant peak, long mentions,
                            double observed, double usual, Instant now, List<MentionExample> top) {
        UUID id = alertId(tenant, brandId, kind, start);
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into raised_alert (alert_id, tenant, brand_id, kind, started_at, raised_at)
                        values (:id, :tenant, :brand, :kind, :start, :now) on conflict (alert_id) do nothing""")
                .setParameter("id", id)
                .setParameter("tenant", tenant)
                .setParameter("brand", brandId)
                .setParameter("kind", kind)
                .setParameter("start", start)
                .setParameter("now", now)
                .executeUpdate()
                .chain(inserted -> inserted == 1
                        ? outbox.appendOnce(id, now, new Outbox.Pending(TOPIC, tenant, brandId, TYPE,
                                new AlertRaised(id, brandId, kind, start, peak, mentions, observed, usual, now, top)))
                        .invoke(() -> LOG.infof("Crisis alert %s for %s (%s from %s)", id, brandId, kind, start))
                        .replaceWithVoid()
                        : Uni.createFrom().voidItem()));
    }
}
