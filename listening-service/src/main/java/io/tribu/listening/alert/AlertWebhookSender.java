package io.tribu.listening.alert;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.tribu.listening.config.ListeningConfig;
import io.tribu.platform.net.PinnedHttp;
import io.tribu.platform.net.UrlGuard;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.tribu.listening.source.webhook.WebhookSignature;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Delivers raised alerts to their rule's webhook, signed like incoming webhooks: {@code X-Tribu-Timestamp} and
 * {@code X-Tribu-Signature: sha256=HMAC(secret, timestamp + "." + body)}. Due alerts are leased under
 * FOR UPDATE SKIP LOCKED (replicas never send the same attempt twice); a failed attempt is retried with
 * exponential backoff (10 s, 20 s, 40 s ... capped at 30 min) up to {@link #MAX_ATTEMPTS}, then marked failed.
 * Sent through the platform's {@link PinnedHttp}: the webhook's host is resolved once, checked by the {@link UrlGuard},
 * and connected to at the checked address; redirects are not followed (one could lead inside).
 * Receivers deduplicate on the {@code X-Tribu-Delivery} id: a crash after sending and before recording sends again.
 * An alert retracted after it was delivered is followed by its retraction, delivered the same way under its own id.
 */
@ApplicationScoped
public class AlertWebhookSender {

    static final int MAX_ATTEMPTS = 8;
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final Logger LOG = Logger.getLogger(AlertWebhookSender.class);

    /**
     * What one delivery needs, read in the claiming transaction: the alert, or its retraction once the alert was
     * delivered ({@code deliveryId} is then the retraction's).
     */
    record Due(java.util.UUID alertId, java.util.UUID deliveryId, String url, String secret, String payload,
               int attempts, boolean retraction) {
    }

    private final PinnedHttp http;
    private final Duration timeout;
    private final Clock clock;

    @Inject
    public AlertWebhookSender(PinnedHttp http, ListeningConfig config, Clock clock) {
        this(http, config.alerts().webhookTimeout(), clock);
    }

    AlertWebhookSender(PinnedHttp http, Duration timeout, Clock clock) {
        this.http = http;
        this.timeout = timeout;
        this.clock = clock;
    }

    @Scheduled(every = "${tribu.alerts.webhook-tick}", delayed = "3s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void deliverDue() throws Throwable {
        List<Due> due = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(this::claimDue));
        for (Due delivery : due) {
            String error = send(delivery);
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> record(delivery, error)));
        }
    }

    private Uni<List<Due>> claimDue() {
        Instant now = clock.instant();
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        update alert a set next_attempt_at = :leaseEnd
                        from alert_rule r
                        where a.id in (select id from alert where webhook_status = 'pending' and next_attempt_at <= :now
                                       order by next_attempt_at limit 20 for update skip locked)
                          and r.id = a.rule_id
                        returning a.id, coalesce(a.retraction_delivery, a.id), r.webhook_url, r.webhook_secret,
                                  coalesce(a.retraction, a.payload), a.webhook_attempts, a.retraction is not null""",
                        Object[].class)
                .setParameter("leaseEnd", now.plus(LEASE))
                .setParameter("now", now)
                .getResultList()
                .map(rows -> rows.stream().map(row -> new Due((java.util.UUID) row[0], (java.util.UUID) row[1],
                        (String) row[2], (String) row[3], (String) row[4], ((Number) row[5]).intValue(),
                        (Boolean) row[6])).toList()));
    }

    /** null when delivered, else why not. */
    String send(Due delivery) {
        if (delivery.url() == null) {
            return "the rule has no webhook any more";
        }
        URI url = URI.create(delivery.url());
        long timestamp = clock.instant().getEpochSecond();
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST)
                .addHeader("Content-Type", "application/cloudevents+json")
                .addHeader("X-Tribu-Delivery", delivery.deliveryId().toString())
                .addHeader("X-Tribu-Timestamp", Long.toString(timestamp))
                .addHeader("X-Tribu-Signature", WebhookSignature.sign(delivery.secret(), timestamp, delivery.payload()));
        try {
            int status = http.fetch(url, request, Buffer.buffer(delivery.payload()), 0, timeout).status();
            return status / 100 == 2 ? null : "answered HTTP " + status;
        } catch (UrlGuard.Refused refused) {
            return refused.getMessage();
        } catch (IOException e) {
            return e.getMessage() == null ? "connection failed" : e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private Uni<Void> record(Due delivery, String error) {
        return Alert.<Alert>findById(delivery.alertId(), LockModeType.PESSIMISTIC_WRITE).invoke(alert -> {
            if (alert == null) {
                return; // its rule was deleted meanwhile
            }
            if (!delivery.retraction() && alert.retractedAt != null) {
                // retracted while the alert was on its way: if it arrived, the retraction follows; if not, neither
                alert.webhookStatus = error == null ? Alert.PENDING : Alert.CANCELLED;
                alert.webhookAttempts = 0;
                alert.lastError = null;
                alert.nextAttemptAt = error == null ? clock.instant() : null;
                return;
            }
            alert.webhookAttempts = delivery.attempts() + 1;
            alert.lastError = error;
            if (error == null) {
                alert.webhookStatus = Alert.DELIVERED;
                alert.nextAttemptAt = null;
            } else if (alert.webhookAttempts >= MAX_ATTEMPTS) {
                alert.webhookStatus = Alert.FAILED;
                alert.nextAttemptAt = null;
                LOG.warnf("Alert %s not delivered after %d attempts: %s", alert.id, alert.webhookAttempts, error);
            } else {
                alert.nextAttemptAt = clock.instant().plus(backoff(alert.webhookAttempts));
            }
        }).replaceWithVoid();
    }

    static Duration backoff(int attempts) {
        long seconds = Math.min(1800, 10L << Math.min(attempts - 1, 20));
        return Duration.ofSeconds(seconds);
    }
}
