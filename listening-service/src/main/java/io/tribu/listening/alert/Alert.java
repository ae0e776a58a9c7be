package io.tribu.listening.alert;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

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

    static Uni<List<Alert>> latest(String tenant, String brandId, int limit) {
        return Alert.<Alert>find("tenant = ?1 and brandId = ?2 order by raisedAt desc, id desc", tenant, brandId)
                .page(0, limit).list();
    }
}
