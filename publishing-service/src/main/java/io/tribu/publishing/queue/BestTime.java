package io.tribu.publishing.queue;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Asks analytics for a channel's best slots, forwarding the caller's bearer token (analytics checks
 * the brand itself). Analytics down, slow or answering nonsense gives an empty list: the caller then
 * falls back to the channel's next queue slot, so scheduling never fails because of analytics.
 */
@ApplicationScoped
public class BestTime {

    private static final Logger LOG = Logger.getLogger(BestTime.class);
    static final int COUNT = 3;

    private final AnalyticsClient analytics;

    public BestTime(@RestClient AnalyticsClient analytics) {
        this.analytics = analytics;
    }

    /** The best slot starts in [from, to), best first. */
    @Timeout(3000)
    @Fallback(fallbackMethod = "noAdvice")
    public Uni<List<Instant>> slots(String brandId, UUID channelId, Instant from, Instant to, ZoneId zone,
                                    String bearer) {
        return analytics.bestSlots(brandId, channelId.toString(), from.toString(), to.toString(), COUNT, zone.getId(),
                        "Bearer " + bearer)
                .map(answer -> answer == null || answer.slots() == null ? List.<Instant>of()
                        : answer.slots().stream().filter(Objects::nonNull).map(BestTime::start)
                        .filter(Objects::nonNull).toList());
    }

    Uni<List<Instant>> noAdvice(String brandId, UUID channelId, Instant from, Instant to, ZoneId zone, String bearer,
                                Throwable failure) {
        LOG.warnf("Analytics best slots unavailable for brand %s (%s); using the queue", brandId,
                failure.getClass().getSimpleName() + ": " + failure.getMessage());
        return Uni.createFrom().item(List.of());
    }

    private static Instant start(AnalyticsClient.Slot slot) {
        try {
            return slot.start() == null ? null : OffsetDateTime.parse(slot.start()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
