package io.tribu.moderation.webhook;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A brand's owned channel that pushes its interactions to Tribu. */
@Entity
@Table(name = "webhook_channel")
public class WebhookChannel extends PanacheEntityBase {

    @Id
    public UUID id;
    public String tenant;
    @Column(name = "brand_id")
    public String brandId;
    /** facebook, instagram or generic. */
    public String network;
    /** The Page id (facebook) or Instagram professional account id: entries naming another one are ignored. */
    @Column(name = "account_id")
    public String accountId;
    /** Meta's app secret, or the secret generated for a generic channel; never shown again. */
    @Column(name = "signing_secret")
    public String signingSecret;
    /** What Meta sends back in the subscription handshake. */
    @Column(name = "verify_token")
    public String verifyToken;
    @Column(name = "created_at")
    public Instant createdAt;

    boolean isMeta() {
        return !"generic".equals(network);
    }
}
