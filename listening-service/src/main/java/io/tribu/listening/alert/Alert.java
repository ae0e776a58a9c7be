package io.tribu.listening.alert;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An alert a rule raised, and how its webhook delivery is going. */
@Entity
public class Alert extends PanacheEntityBase {

    /** No webhook configured on the rule. */
    static final String NO_WEBHOOK = "none";
    static final String PENDING = "pending";
    static final String DELIVERED = "delivered";
    static final String FAILED = "failed";
    /** Retracted before its webhook delivery went out: the receiver never hears of it. */
    static final String CANCELLED = "cancelled";

    @Id
    public UUID id;
    @Column(name = "rule_id")
    public UUID ruleId;
    public String tenant;
    @Column(name = "brand_id")
    public String brandId;
    public String type;
    @Column(name = "raised_at")
    public Instant raisedAt;
    public String summary;
    @Column(name = "mention_id")
    public UUID mentionId;
    public Integer observed;
    public Double expected;
    /** The CloudEvent as sent to Kafka, also the webhook body. */
    public String payload;
    @Column(name = "webhook_status")
    public String webhookStatus;
    @Column(name = "webhook_attempts")
    public int webhookAttempts;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    @Column(name = "last_error")
    public String lastError;
    /** When the mention it is about was withdrawn, or edited so that it no longer carries the keyword. */
    @Column(name = "retracted_at")
    public Instant retractedAt;
    /** mention-withdrawn or mention-edited. */
    @Column(name = "retraction_reason")
    public String retractionReason;
    /** The retraction's CloudEvent: the webhook body once the alert itself was delivered. */
    public String retraction;
    /** The retraction's webhook delivery id ({@code X-Tribu-Delivery}), its CloudEvent id. */
    @Column(name = "retraction_delivery")
    public UUID retractionDelivery;

    /** The alerts about this mention that still stand, locked: the webhook sender may be recording one of them. */
    static Uni<List<Alert>> standingAbout(UUID mentionId) {
        return Alert.<Alert>find("mentionId = ?1 and retractedAt is null", mentionId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** Whether the rule ever alerted about the mention (retracted or not): a rule alerts once per mention. */
    static Uni<Boolean> raisedAbout(UUID ruleId, UUID mentionId) {
        return Alert.count("ruleId = ?1 and mentionId = ?2", ruleId, mentionId).map(n -> n > 0);
    }

    static Uni<List<Alert>> latest(String tenant, String brandId, UUID ruleId, int limit) {
        return (ruleId == null
                ? Alert.<Alert>find("tenant = ?1 and brandId = ?2 order by raisedAt desc, id desc", tenant, brandId)
                : Alert.<Alert>find("tenant = ?1 and brandId = ?2 and ruleId = ?3 order by raisedAt desc, id desc",
                tenant, brandId, ruleId))
                .page(0, limit).list();
    }
}
