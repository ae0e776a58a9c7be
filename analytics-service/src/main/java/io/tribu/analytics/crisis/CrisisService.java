package io.tribu.analytics.crisis;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.tribu.analytics.drivers.MentionTextSample;
import io.tribu.analytics.drivers.MentionTextSample.MentionExample;
import io.tribu.analytics.mention.MentionVolumeService;
import io.tribu.analytics.period.ReportingPeriod;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A brand's crisis episodes in a period, of both kinds (volume, negative share), each with the
 * sampled mentions that drive it: negative ones first, then by audience.
 */
@ApplicationScoped
public class CrisisService {

    static final int TOP_MENTIONS = 5;

    private final MentionVolumeService volumes;
    private final MentionTextSample texts;

    public CrisisService(MentionVolumeService volumes, MentionTextSample texts) {
        this.volumes = volumes;
        this.texts = texts;
    }

    public record VolumeEpisode(Instant start, Instant end, Instant peak, long peakMentions, double expectedAtPeak,
                                long mentions, List<CrisisDetector.HourScore> hours, List<MentionExample> topMentions) {
    }

    public record NegativeShareEpisode(Instant start, Instant end, Instant peak, double peakShare,
                                       double usualShareAtPeak, long negative, long scored,
                                       List<NegativeShareDetector.HourScore> hours, List<MentionExample> topMentions) {
    }

    public record Assessment(List<VolumeEpisode> volume, List<NegativeShareEpisode> negativeShare) {
    }

    @WithSession
    public Uni<Assessment> assess(String tenant, String brandId, ReportingPeriod period, double sensitivity,
                                  long minimumMentions) {
        Instant historyStart = period.from().truncatedTo(ChronoUnit.HOURS)
                .minus(CrisisDetector.WEEK.multipliedBy(CrisisDetector.BASELINE_WEEKS));
        return volumes.firstHour(tenant, brandId)
                .chain(first -> volumes.hourly(tenant, brandId, historyStart, period.to())
                        .chain(volumeHours -> hourlySentiment(tenant, brandId, historyStart, period.to()).map(hours -> {
                    // Volumes from mention_volume, which holds mentions older than the sentiment dimensions.
                    Map<Instant, Long> counts = new HashMap<>();
                    volumeHours.forEach(hour -> counts.put(hour.start(), hour.mentions()));
                    Map<Instant, NegativeShareDetector.HourSentiment> sentiments = new HashMap<>();
                    hours.forEach((hour, row) -> sentiments.put(hour, new NegativeShareDetector.HourSentiment(row[0], row[1])));
                    return new Object[]{
                            new CrisisDetector(sensitivity, minimumMentions).episodes(counts, first, period.from(), period.to()),
                            new NegativeShareDetector(sensitivity, minimumMentions).episodes(sentiments, first,
                                    period.from(), period.to())};
                })))
                .chain(found -> withMentions(tenant, brandId, castVolume(found[0]), castShare(found[1])));
    }

    @SuppressWarnings("unchecked")
    private static List<CrisisDetector.Episode> castVolume(Object value) {
        return (List<CrisisDetector.Episode>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<NegativeShareDetector.Episode> castShare(Object value) {
        return (List<NegativeShareDetector.Episode>) value;
    }

    private Uni<Assessment> withMentions(String tenant, String brandId, List<CrisisDetector.Episode> volume,
                                         List<NegativeShareDetector.Episode> share) {
        Uni<List<VolumeEpisode>> volumeEpisodes = Uni.createFrom().item(new java.util.ArrayList<>());
        for (CrisisDetector.Episode episode : volume) {
            volumeEpisodes = volumeEpisodes.chain(list -> top(tenant, brandId, episode.start(), episode.end())
                    .map(top -> {
                        list.add(new VolumeEpisode(episode.start(), episode.end(), episode.peak(), episode.peakMentions(),
                                episode.expectedAtPeak(), episode.mentions(), episode.hours(), top));
                        return list;
                    }));
        }
        return volumeEpisodes.chain(volumeList -> {
            Uni<List<NegativeShareEpisode>> shareEpisodes = Uni.createFrom().item(new java.util.ArrayList<>());
            for (NegativeShareDetector.Episode episode : share) {
                shareEpisodes = shareEpisodes.chain(list -> top(tenant, brandId, episode.start(), episode.end())
                        .map(top -> {
                            list.add(new NegativeShareEpisode(episode.start(), episode.end(), episode.peak(),
                                    episode.peakShare(), episode.usualShareAtPeak(), episode.negative(), episode.scored(),
                                    episode.hours(), top));
                            return list;
                        }));
            }
            return shareEpisodes.map(shareList -> new Assessment(List.copyOf(volumeList), List.copyOf(shareList)));
        });
    }

    /** Negative mentions first (they make a crisis), then the others; largest audience first in each. */
    private Uni<List<MentionExample>> top(String tenant, String brandId, Instant start, Instant end) {
        return texts.mentions(tenant, brandId, start, end, List.of("negative"), TOP_MENTIONS)
                .chain(negative -> negative.size() >= TOP_MENTIONS ? Uni.createFrom().item(negative)
                        : texts.mentions(tenant, brandId, start, end, List.of("neutral", "positive", "unscored"),
                                TOP_MENTIONS - negative.size())
                        .map(others -> java.util.stream.Stream.concat(negative.stream(), others.stream()).toList()));
    }

    /** Per UTC hour: {negative, scored}. */
    private Uni<Map<Instant, long[]>> hourlySentiment(String tenant, String brandId, Instant from, Instant to) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select bucket_start,
                               sum(mentions) filter (where sentiment = 'negative'),
                               sum(mentions) filter (where sentiment <> 'unscored')
                        from mention_breakdown
                        where tenant = :tenant and brand_id = :brand and bucket_start >= :from and bucket_start < :to
                        group by 1""", Object[].class)
                .setParameter("tenant", tenant)
                .setParameter("brand", brandId)
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultList()
                .map(rows -> {
                    Map<Instant, long[]> hours = new HashMap<>();
                    for (Object[] row : rows) {
                        hours.put(instant(row[0]), new long[]{number(row[1]), number(row[2])});
                    }
                    return hours;
                }));
    }

    private static long number(Object value) {
        return value == null ? 0L : ((Number) value).longValue();
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
