package io.tribu.listening.alert;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.tribu.listening.config.ListeningConfig;
import io.tribu.platform.outbox.Outbox;
import io.tribu.listening.source.UrlGuards;
import io.tribu.platform.net.UrlGuard;
import io.tribu.platform.problem.Problems;
import io.tribu.listening.source.webhook.WebhookSecrets;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

@ApplicationScoped
public class AlertService {

    /** The spike baseline: the same hour of the week over this many previous weeks. */
    static final int BASELINE_WEEKS = 4;

    static final Duration RULES_TTL = Duration.ofSeconds(10);

    /** What keyword matching needs of a rule, kept between mentions. */
    record KeywordRule(UUID id, String name, String type, int cooldownMinutes, boolean hasWebhook,
                       List<String> keywords) {
    }

    private record CachedRules(List<KeywordRule> rules, Instant readAt) {
    }

    private final Map<String, CachedRules> keywordRules = new ConcurrentHashMap<>();
    private final Outbox outbox;
    private final UrlGuard addresses;
    private final String alertsTopic;
    private final Clock clock;

    public AlertService(Outbox outbox, UrlGuard addresses,
                        ListeningConfig config, Clock clock) {
        this.outbox = outbox;
        this.addresses = addresses;
        this.alertsTopic = config.topics().alerts();
        this.clock = clock;
    }

    @WithTransaction
    public Uni<AlertRule> add(String tenant, String brandId, AlertRuleRequest request) {
        boolean keyword = AlertRule.KEYWORD.equals(request.type());
        if (keyword && (request.keywords() == null || request.keywords().isEmpty())) {
            return Uni.createFrom().failure(
                    Problems.invalidBody("keywords", "is required for a keyword alert"));
        }
        if (request.webhookUrl() != null) {
            String refusal = addresses.refusal(UrlGuards.parse("webhookUrl", request.webhookUrl())).orElse(null);
            if (refusal != null) {
                return Uni.createFrom().failure(Problems.refusedUrl("webhookUrl", refusal));
            }
        }
        AlertRule rule = new AlertRule();
        rule.id = UUID.randomUUID();
        rule.tenant = tenant;
        rule.brandId = brandId;
        rule.name = request.name().strip();
        rule.type = request.type();
        rule.keywords = keyword
                ? request.keywords().stream().map(KeywordFinder::normalise).distinct().collect(Collectors.joining("\n"))
                : null;
        rule.minMentions = request.minMentions() == null ? 10 : request.minMentions();
        rule.factor = request.factor() == null ? 3.0 : request.factor();
        rule.cooldownMinutes = request.cooldownMinutes() == null ? 60 : request.cooldownMinutes();
        rule.webhookUrl = request.webhookUrl();
        rule.webhookSecret = request.webhookUrl() == null ? null : WebhookSecrets.generate();
        rule.enabled = true;
        rule.createdAt = clock.instant();
        keywordRules.remove(tenant + "\n" + brandId);
        return rule.persist();
    }

    @WithSession
    public Uni<List<AlertRule>> rules(String tenant, String brandId) {
        return AlertRule.ofBrand(tenant, brandId);
    }

    @WithTransaction
    public Uni<Boolean> remove(String tenant, String brandId, UUID id) {
        return AlertRule.findForBrand(tenant, brandId, id)
                .invoke(() -> keywordRules.remove(tenant + "\n" + brandId))
                .chain(rule -> rule == null ? Uni.createFrom().item(false) : rule.delete().replaceWith(true));
    }

    @WithSession
    public Uni<List<Alert>> raised(String tenant, String brandId, UUID ruleId, int limit) {
        return Alert.latest(tenant, brandId, ruleId, limit);
    }

    /** Keyword alerts for a mention just stored; runs in the transaction that stores it. */
    public Uni<Void> onMentionStored(String tenant, String brandId, UUID mentionId, String text, Instant publishedAt) {
        return keywordRules(tenant, brandId).chain(rules -> Multi.createFrom().iterable(rules)
                .onItem().transformToUniAndConcatenate(rule -> {
                    String keyword = KeywordFinder.firstIn(text, rule.keywords());
                    return keyword == null ? Uni.createFrom().voidItem()
                            : raiseForKeyword(tenant, brandId, rule, mentionId, keyword, publishedAt);
                })
                .collect().last().replaceWithVoid());
    }

    /** A mention the Kafka ingest stored: what keyword rules look at. */
    public record Ingested(String tenant, String brandId, UUID mentionId, String text, Instant publishedAt) {
    }

    private record KeywordHit(KeywordRule rule, Ingested mention, String keyword) {
    }

    /**
     * Keyword alerts for mentions the Kafka ingest stored. The rules come from the cache (a session only when a brand's
     * rules are read again); a transaction is opened only when a keyword is found. The ingest stores outside of it and
     * calls again for a batch read again after a crash: a rule alerts once per mention, so nobody is alerted twice.
     */
    public Uni<Void> onMentionsIngested(List<Ingested> mentions) {
        Map<String, List<Ingested>> byBrand = mentions.stream().collect(Collectors.groupingBy(
                m -> m.tenant() + "\n" + m.brandId(), java.util.LinkedHashMap::new, Collectors.toList()));
        return Multi.createFrom().iterable(byBrand.values())
                .onItem().transformToUniAndConcatenate(brand -> cachedKeywordRules(brand.get(0).tenant(), brand.get(0).brandId())
                        .map(rules -> brand.stream().flatMap(m -> rules.stream()
                                .map(rule -> new KeywordHit(rule, m, KeywordFinder.firstIn(m.text(), rule.keywords())))
                                .filter(hit -> hit.keyword() != null)).toList()))
                .collect().in(java.util.ArrayList<KeywordHit>::new, java.util.ArrayList::addAll)
                .chain(hits -> hits.isEmpty() ? Uni.createFrom().voidItem() : Panache.withTransaction(() ->
                        Multi.createFrom().iterable(hits).onItem().transformToUniAndConcatenate(hit ->
                                        Alert.raisedAbout(hit.rule().id(), hit.mention().mentionId()).chain(raised -> raised
                                                ? Uni.createFrom().voidItem()
                                                : raiseForKeyword(hit.mention().tenant(), hit.mention().brandId(),
                                                hit.rule(), hit.mention().mentionId(), hit.keyword(),
                                                hit.mention().publishedAt())))
                                .collect().last().replaceWithVoid()));
    }

    private Uni<List<KeywordRule>> cachedKeywordRules(String tenant, String brandId) {
        CachedRules cached = keywordRules.get(tenant + "\n" + brandId);
        return cached != null && cached.readAt().plus(RULES_TTL).isAfter(clock.instant())
                ? Uni.createFrom().item(cached.rules())
                : Panache.withSession(() -> keywordRules(tenant, brandId));
    }

    private Uni<Void> raiseForKeyword(String tenant, String brandId, KeywordRule rule, UUID mentionId, String keyword,
                                      Instant publishedAt) {
        Instant now = clock.instant();
        return AlertRule.claimTurn(rule.id(), now, rule.cooldownMinutes()).chain(turn -> !turn
                ? Uni.createFrom().voidItem()
                : raise(tenant, brandId, rule.id(), rule.hasWebhook(), now, new AlertRaised(
                        UUID.randomUUID(), rule.id(), rule.name(), brandId, rule.type(), now,
                        "\"" + keyword + "\" in a mention", mentionId, keyword, null, null, publishedAt,
                        publishedAt)));
    }

    /**
     * Keyword alerts after a stored mention was edited at its source; runs in the transaction that revises it. A rule
     * whose keyword the new text carries and the old did not alerts, once per mention (retracted or not, a rule never
     * alerts twice about one mention) and within its cooldown like any alert; a text that carried the keyword before
     * and still does alerts nobody again; an alert whose keyword was edited out is retracted.
     */
    public Uni<Void> onMentionEdited(String tenant, String brandId, UUID mentionId, String before, String after,
                                     Instant publishedAt) {
        return keywordRules(tenant, brandId).chain(rules -> Multi.createFrom().iterable(rules)
                .onItem().transformToUniAndConcatenate(rule -> {
                    boolean carried = KeywordFinder.firstIn(before, rule.keywords()) != null;
                    String keyword = KeywordFinder.firstIn(after, rule.keywords());
                    if (carried == (keyword != null)) {
                        return Uni.createFrom().voidItem();
                    }
                    if (keyword == null) {
                        return Alert.standingAbout(mentionId).chain(standing -> retractAll(standing.stream()
                                .filter(alert -> alert.ruleId.equals(rule.id())).toList(), AlertRetracted.MENTION_EDITED));
                    }
                    Instant now = clock.instant();
                    return Alert.raisedAbout(rule.id(), mentionId).chain(raised -> raised
                            ? Uni.createFrom().voidItem()
                            : AlertRule.claimTurn(rule.id(), now, rule.cooldownMinutes()).chain(turn -> !turn
                            ? Uni.createFrom().voidItem()
                            : raise(tenant, brandId, rule.id(), rule.hasWebhook(), now, new AlertRaised(
                                    UUID.randomUUID(), rule.id(), rule.name(), brandId, rule.type(), now,
                                    "\"" + keyword + "\" in an edited mention", mentionId, keyword, null, null,
                                    publishedAt, publishedAt))));
                })
                .collect().last().replaceWithVoid());
    }

    /** Retracts the alerts a mention withdrawn at its source raised; runs in the transaction that withdraws it. */
    public Uni<Void> onMentionWithdrawn(UUID mentionId) {
        return Alert.standingAbout(mentionId).chain(standing -> retractAll(standing, AlertRetracted.MENTION_WITHDRAWN));
    }

    private Uni<Void> retractAll(List<Alert> alerts, String reason) {
        return Multi.createFrom().iterable(alerts).onItem().transformToUniAndConcatenate(alert -> retract(alert, reason))
                .collect().last().replaceWithVoid();
    }

    /**
     * An alert no longer stands: a {@code tribu.listening.alert.retracted.v1} event, always (Kafka consumers got the
     * raise within a second). Its webhook: a delivery still pending is cancelled, so the receiver never hears of the
     * alert; one delivered is followed by the retraction, POSTed the same way under its own delivery id (what
     * Alertmanager and PagerDuty do with a resolved alert). The rule's cooldown turn is given back: the next mention
     * carrying the keyword alerts.
     */
    private Uni<Void> retract(Alert alert, String reason) {
        Instant now = clock.instant();
        alert.retractedAt = now;
        alert.retractionReason = reason;
        return outbox.append(alertsTopic, alert.tenant, alert.brandId, AlertRetracted.TYPE, AlertRetracted.of(alert))
                .chain(event -> {
                    if (!Alert.NO_WEBHOOK.equals(alert.webhookStatus)) {
                        alert.retraction = event.payload();
                        alert.retractionDelivery = event.id();
                    }
                    if (Alert.PENDING.equals(alert.webhookStatus)) {
                        alert.webhookStatus = Alert.CANCELLED;
                        alert.nextAttemptAt = null;
                    } else if (Alert.DELIVERED.equals(alert.webhookStatus)) {
                        alert.webhookStatus = Alert.PENDING;
                        alert.webhookAttempts = 0;
                        alert.lastError = null;
                        alert.nextAttemptAt = now;
                    }
                    return AlertRule.giveTurnBack(alert.ruleId, alert.id, alert.raisedAt);
                });
    }

    /**
     * The brand's keyword rules, read at most every {@link #RULES_TTL} per replica: a firehose would otherwise
     * read them once per mention. A rule added or removed on this replica counts at once, elsewhere within the TTL.
     */
    private Uni<List<KeywordRule>> keywordRules(String tenant, String brandId) {
        String key = tenant + "\n" + brandId;
        CachedRules cached = keywordRules.get(key);
        if (cached != null && cached.readAt().plus(RULES_TTL).isAfter(clock.instant())) {
            return Uni.createFrom().item(cached.rules());
        }
        return AlertRule.enabledKeywordRules(tenant, brandId)
                .map(rules -> rules.stream().map(r -> new KeywordRule(r.id, r.name, r.type, r.cooldownMinutes,
                        r.webhookUrl != null, r.keywordList())).toList())
                .invoke(rules -> keywordRules.put(key, new CachedRules(rules, clock.instant())));
    }

    /**
     * Checks one negative-spike rule at {@code now}: negative mentions published in the last hour against the
     * mean of the same hour of the previous weeks. Alerts when the hour has at least {@code minMentions} and at
     * least {@code factor} times the usual level (a usual level under one counts as one).
     */
    @WithTransaction
    public Uni<Boolean> checkSpike(UUID ruleId, Instant now) {
        return AlertRule.<AlertRule>findById(ruleId).chain(rule -> {
            if (rule == null || !rule.enabled) {
                return Uni.createFrom().item(false);
            }
            Instant windowStart = now.minus(Duration.ofHours(1));
            return negativeCounts(rule, windowStart, now).chain(counts -> {
                int observed = counts[0];
                double expected = (double) counts[1] / BASELINE_WEEKS;
                if (observed < rule.minMentions || observed < rule.factor * Math.max(expected, 1.0)) {
                    return Uni.createFrom().item(false);
                }
                return AlertRule.claimTurn(rule.id, now, rule.cooldownMinutes).chain(turn -> !turn
                        ? Uni.createFrom().item(false)
                        : raise(rule.tenant, rule.brandId, rule.id, rule.webhookUrl != null, now,
                                new AlertRaised(UUID.randomUUID(), rule.id, rule.name, rule.brandId,
                                rule.type, now, String.format(Locale.ROOT,
                                "%d negative mentions in the last hour, usually %.1f", observed, expected),
                                null, null, observed, expected, windowStart, now)).replaceWith(true));
            });
        });
    }

    @WithSession
    public Uni<List<UUID>> spikeRules() {
        return AlertRule.enabledSpikeRules().map(rules -> rules.stream().map(r -> r.id).toList());
    }

    /** [negative mentions in the window, negative mentions in the same window of the previous weeks]. */
    private static Uni<int[]> negativeCounts(AlertRule rule, Instant windowStart, Instant windowEnd) {
        StringBuilder baseline = new StringBuilder();
        for (int week = 1; week <= BASELINE_WEEKS; week++) {
            baseline.append(week == 1 ? "" : " or ").append("(published_at >= cast(:start as timestamptz) - interval '")
                    .append(week).append(" weeks' and published_at < cast(:end as timestamptz) - interval '")
                    .append(week).append(" weeks')");
        }
        String sql = "select count(*) filter (where published_at >= :start and published_at < :end), "
                + "count(*) filter (where " + baseline + ") from mention "
                + "where tenant = :tenant and brand_id = :brand and sentiment_label = 'negative' and withdrawn_at is null "
                + "and published_at >= cast(:start as timestamptz) - interval '" + BASELINE_WEEKS + " weeks' "
                + "and published_at < :end";
        return Panache.getSession().chain(session -> session.createNativeQuery(sql, Object[].class)
                .setParameter("tenant", rule.tenant)
                .setParameter("brand", rule.brandId)
                .setParameter("start", windowStart)
                .setParameter("end", windowEnd)
                .getSingleResult()
                .map(row -> new int[] {((Number) row[0]).intValue(), ((Number) row[1]).intValue()}));
    }

    private Uni<Void> raise(String tenant, String brandId, UUID ruleId, boolean hasWebhook, Instant now,
                            AlertRaised data) {
        return outbox.append(alertsTopic, tenant, brandId, AlertRaised.TYPE, data).chain(event -> {
            Alert alert = new Alert();
            alert.id = data.alertId();
            alert.ruleId = ruleId;
            alert.tenant = tenant;
            alert.brandId = brandId;
            alert.type = data.type();
            alert.raisedAt = now;
            alert.summary = data.summary();
            alert.mentionId = data.mentionId();
            alert.observed = data.observed();
            alert.expected = data.expected();
            alert.payload = event.payload();
            alert.webhookStatus = hasWebhook ? Alert.PENDING : Alert.NO_WEBHOOK;
            alert.nextAttemptAt = hasWebhook ? now : null;
            return alert.persist().replaceWithVoid();
        });
    }
}
