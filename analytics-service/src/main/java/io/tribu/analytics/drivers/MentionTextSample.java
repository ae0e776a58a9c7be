package io.tribu.analytics.drivers;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.tribu.analytics.mention.MentionRecordedReader;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * The bounded sample of mention texts behind the drivers, the crisis episodes and the report's
 * examples: the {@code tribu.mention-texts.per-hour} mentions with the largest audience of each brand,
 * hour and sentiment label (a larger one replaces the smallest), kept
 * {@code tribu.mention-texts.retention-days} days.
 */
@ApplicationScoped
public class MentionTextSample {

    private static final Logger LOG = Logger.getLogger(MentionTextSample.class);

    private final int perHour;
    private final int retentionDays;

    public MentionTextSample(@ConfigProperty(name = "tribu.mention-texts.per-hour", defaultValue = "20") int perHour,
                             @ConfigProperty(name = "tribu.mention-texts.retention-days", defaultValue = "400") int retentionDays) {
        this.perHour = perHour;
        this.retentionDays = retentionDays;
    }

    public record MentionExample(UUID mentionId, Instant publishedAt, String sentiment, String author, long reach,
                                 String url, String text) {
    }

    /**
     * Keeps the text while the hour's sample has room, else in place of the sampled mention with the
     * smallest audience if this one's is larger; runs inside the intake's transaction.
     */
    public Uni<Void> keep(Mutiny.Session session, MentionRecordedReader event) {
        MentionRecordedReader.Data data = event.data();
        if (data.text() == null || data.text().isBlank() || data.mentionId() == null) {
            return Uni.createFrom().voidItem();
        }
        return insert(session, event, true)
                .chain(inserted -> inserted == 1 ? Uni.createFrom().item(0) : session.createNativeQuery("""
                                delete from mention_text where (tenant, brand_id, mention_id) = (
                                    select tenant, brand_id, mention_id from mention_text
                                    where tenant = :tenant and brand_id = :brand and bucket_start = :bucket
                                      and sentiment = :sentiment and reach < :reach
                                    order by reach, mention_id limit 1)""")
                        .setParameter("tenant", event.tenant())
                        .setParameter("brand", data.brandId())
                        .setParameter("bucket", data.publishedAt().truncatedTo(ChronoUnit.HOURS))
                        .setParameter("sentiment", data.sentimentLabel())
                        .setParameter("reach", data.reach())
                        .executeUpdate()
                        .chain(deleted -> deleted == 1 ? insert(session, event, false) : Uni.createFrom().item(0)))
                .replaceWithVoid();
    }

    private Uni<Integer> insert(Mutiny.Session session, MentionRecordedReader event, boolean onlyWithRoom) {
        MentionRecordedReader.Data data = event.data();
        return session.createNativeQuery("""
                        insert into mention_text (tenant, brand_id, mention_id, bucket_start, published_at, sentiment,
                                                  author, reach, url, text)
                        select :tenant, :brand, :mention, :bucket, :published, :sentiment, :author, :reach, :url, :text
                        where not :onlyWithRoom or (select count(*) from mention_text where tenant = :tenant
                               and brand_id = :brand and bucket_start = :bucket and sentiment = :sentiment) < :cap
                        on conflict (tenant, brand_id, mention_id) do nothing""")
                .setParameter("onlyWithRoom", onlyWithRoom)
                .setParameter("tenant", event.tenant())
                .setParameter("brand", data.brandId())
                .setParameter("mention", data.mentionId())
                .setParameter("bucket", data.publishedAt().truncatedTo(ChronoUnit.HOURS))
                .setParameter("published", data.publishedAt())
                .setParameter("sentiment", data.sentimentLabel())
                .setParameter("author", data.author())
                .setParameter("reach", data.reach())
                .setParameter("url", data.url())
                .setParameter("text", data.text().length() > 2000 ? data.text().substring(0, 2000) : data.text())
                .setParameter("cap", perHour)
                .executeUpdate();
    }

    /** Sampled mentions of the period with the given labels, largest audience first. */
    @WithSession
    public Uni<List<MentionExample>> mentions(String tenant, String brandId, Instant from, Instant to,
                                              List<String> sentiments, int limit) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select mention_id, published_at, sentiment, author, reach, url, text from mention_text
                        where tenant = :tenant and brand_id = :brand and bucket_start >= :from and bucket_start < :to
                          and sentiment in (:sentiments)
                        order by reach desc, published_at, mention_id
                        limit :limit""", Object[].class)
                .setParameter("tenant", tenant)
                .setParameter("brand", brandId)
                .setParameter("from", from.truncatedTo(ChronoUnit.HOURS))
                .setParameter("to", to)
                .setParameter("sentiments", sentiments)
                .setParameter("limit", limit)
                .getResultList()
                .map(rows -> rows.stream().map(row -> new MentionExample((UUID) row[0], instant(row[1]),
                        (String) row[2], (String) row[3], ((Number) row[4]).longValue(), (String) row[5],
                        (String) row[6])).toList()));
    }

    @Scheduled(every = "24h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> purge() {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session
                        .createNativeQuery("delete from mention_text where bucket_start < :limit")
                        .setParameter("limit", Instant.now().minus(Duration.ofDays(retentionDays)))
                        .executeUpdate()))
                .invoke(deleted -> LOG.infof("Purged %d mention texts older than %d days", deleted, retentionDays))
                .onFailure().invoke(failure -> LOG.warnf("Mention text purge failed: %s", failure.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
