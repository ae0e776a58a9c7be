package io.tribu.listening.alert;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** What should wake a brand's team up: a keyword in a mention, or negative mentions far above their usual level. */
@Entity
@Table(name = "alert_rule")
public class AlertRule extends PanacheEntityBase {

    public static final String KEYWORD = "keyword";
    public static final String NEGATIVE_SPIKE = "negative-spike";

    @Id
    public UUID id;
    public String tenant;
    @Column(name = "brand_id")
    public String brandId;
    public String name;
    /** keyword or negative-spike. */
    public String type;
    /** keyword: the folded keywords or phrases, one per line. */
    public String keywords;
    /** negative-spike: fewer negative mentions in the hour than this never alert. */
    @Column(name = "min_mentions")
    public int minMentions;
    /** negative-spike: how many times the usual level the hour must reach. */
    public double factor;
    /** After an alert, the rule stays quiet this long: one alert per episode, not one per mention. */
    @Column(name = "cooldown_minutes")
    public int cooldownMinutes;
    @Column(name = "webhook_url")
    public String webhookUrl;
    @Column(name = "webhook_secret")
    public String webhookSecret;
    public boolean enabled;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "last_raised_at")
    public Instant lastRaisedAt;

    List<String> keywordList() {
        return keywords == null ? List.of() : Arrays.asList(keywords.split("\n"));
    }

    static Uni<List<AlertRule>> ofBrand(String tenant, String brandId) {
        return list("tenant = ?1 and brandId = ?2 order by createdAt", tenant, brandId);
    }

    static Uni<List<AlertRule>> enabledKeywordRules(String tenant, String brandId) {
        return list("tenant = ?1 and brandId = ?2 and type = ?3 and enabled", tenant, brandId, KEYWORD);
    }

    static Uni<List<AlertRule>> enabledSpikeRules() {
        return list("type = ?1 and enabled", NEGATIVE_SPIKE);
    }

    static Uni<AlertRule> findForBrand(String tenant, String brandId, UUID id) {
        return find("id = ?1 and tenant = ?2 and brandId = ?3", id, tenant, brandId).firstResult();
    }

    /**
     * Takes the rule's turn to alert unless it alerted within its cooldown; atomic, so replicas and concurrent
     * mentions raise one alert per episode.
     */
    static Uni<Boolean> claimTurn(UUID id, Instant now, int cooldownMinutes) {
        return update("lastRaisedAt = ?1 where id = ?2 and (lastRaisedAt is null or lastRaisedAt <= ?3)",
                now, id, now.minusSeconds(60L * cooldownMinutes)).map(updated -> updated == 1);
    }

    /**
     * A retracted alert gives its rule's turn back: when it was the rule's last, the cooldown runs from the alert before
     * it that still stands (none: no cooldown), so the next mention carrying the keyword alerts.
     */
    static Uni<Void> giveTurnBack(UUID ruleId, UUID alertId, Instant raisedAt) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        update alert_rule set last_raised_at = (select max(raised_at) from alert
                                                                where rule_id = :rule and retracted_at is null and id <> :alert)
                        where id = :rule and last_raised_at = :raisedAt""")
                .setParameter("rule", ruleId)
                .setParameter("alert", alertId)
                .setParameter("raisedAt", raisedAt)
                .executeUpdate())
                .replaceWithVoid();
    }
}
