package io.tribu.moderation.inbox;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.tribu.moderation.action.NetworkActions;
import io.tribu.moderation.charter.Charter;
import io.tribu.moderation.charter.CharterBook;
import io.tribu.moderation.charter.RuleAction;
import io.tribu.moderation.classify.Classification;
import io.tribu.moderation.classify.Classifier;
import io.tribu.moderation.classify.Label;
import io.tribu.moderation.reply.ReplyTemplate;
import io.tribu.platform.intake.ProcessedEvents;
import io.tribu.platform.outbox.OutboxRelay;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Stores interactions in the inbox, each once however often its event is delivered, and applies each brand's
 * charter to them in the same transaction: what the rules decide is never lost nor done twice. A batch costs a
 * handful of statements whatever its size (multi-row inserts), which is what lets one replica keep up with
 * hundreds of comments a second.
 */
@ApplicationScoped
public class InboxIntake {

    private final InboxItemRepository items;
    private final Classifier classifier;
    private final CharterBook charters;
    private final CharterEnforcement enforcement;
    private final DecisionLog decisions;
    private final NetworkActions networkActions;
    private final OutboxRelay relay;
    private final ProcessedEvents processed;
    private final ObjectMapper json;
    private final InboxMeters meters;
    private final Clock clock;

    public InboxIntake(InboxItemRepository items, Classifier classifier, CharterBook charters,
                       CharterEnforcement enforcement, DecisionLog decisions,
                       NetworkActions networkActions, OutboxRelay relay, ProcessedEvents processed,
                       ObjectMapper json, InboxMeters meters,
                       Clock clock) {
        this.items = items;
        this.classifier = classifier;
        this.charters = charters;
        this.enforcement = enforcement;
        this.decisions = decisions;
        this.networkActions = networkActions;
        this.relay = relay;
        this.processed = processed;
        this.json = json;
        this.meters = meters;
        this.clock = clock;
    }

    /** One interaction judged by its brand's charter, ready to store (or, edited, to update). */
    record Arrival(MentionRecordedReader event, InboxItem item, Classification labels, Verdict verdict) {
    }

    public Uni<Void> receive(MentionRecordedReader event) {
        return receiveAll(List.of(event));
    }

    /** In order: an author's interaction hidden early in the batch counts as an offence for their later ones. */
    @WithSpan
    public Uni<Void> receiveAll(List<MentionRecordedReader> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.withTransaction(() -> firstTimes(events)
                .chain(fresh -> fresh.isEmpty() ? Uni.createFrom().item(List.<Arrival>of())
                        : charters(fresh).chain(byBrand -> offences(fresh, byBrand)
                                .chain(offences -> store(judge(fresh, byBrand, offences))))))
                .invoke(meters::stored)
                // The charter's hides are waiting in the outbox: relay them now, not at the next tick.
                .invoke(relay::wake)
                .replaceWithVoid();
    }

    /** The events never processed before, first delivery of each mention only, marked as processed. */
    private Uni<List<MentionRecordedReader>> firstTimes(List<MentionRecordedReader> events) {
        Map<UUID, MentionRecordedReader> byEvent = new LinkedHashMap<>();
        Set<UUID> mentions = new HashSet<>();
        for (MentionRecordedReader event : events) {
            if (!byEvent.containsKey(event.id()) && mentions.add(event.data().mentionId())) {
                byEvent.put(event.id(), event);
            }
        }
        List<MentionRecordedReader> distinct = List.copyOf(byEvent.values());
        return processed.firstTimes(distinct)
                .map(first -> distinct.stream().filter(e -> first.contains(e.id())).toList());
    }

    static String brandKey(String tenant, String brandId) {
        return tenant + '\u0000' + brandId;
    }

    Uni<Map<String, Charter>> charters(List<MentionRecordedReader> events) {
        Map<String, Charter> byBrand = new HashMap<>();
        Set<String> keys = new LinkedHashSet<>();
        events.forEach(e -> keys.add(brandKey(e.tenant(), e.data().brandId())));
        return Multi.createFrom().iterable(keys)
                .onItem().transformToUniAndConcatenate(key -> {
                    String[] parts = key.split("\u0000", 2);
                    return charters.current(parts[0], parts[1]).invoke(charter -> byBrand.put(key, charter));
                })
                .collect().last()
                .replaceWith(byBrand);
    }

    /** For brands whose rules look at repeat offenders: when each author's earlier items were first hidden or deleted. */
    Uni<Map<String, List<Instant>>> offences(List<MentionRecordedReader> events, Map<String, Charter> byBrand) {
        Map<String, Set<String>> authorsByBrand = new LinkedHashMap<>();
        for (MentionRecordedReader e : events) {
            String key = brandKey(e.tenant(), e.data().brandId());
            if (e.data().author() != null && byBrand.get(key).authorHistoryDays() > 0) {
                authorsByBrand.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(e.data().author());
            }
        }
        Map<String, List<Instant>> offences = new HashMap<>();
        Instant now = clock.instant();
        return Multi.createFrom().iterable(authorsByBrand.entrySet())
                .onItem().transformToUniAndConcatenate(entry -> {
                    String[] parts = entry.getKey().split("\u0000", 2);
                    Instant since = now.minus(Duration.ofDays(byBrand.get(entry.getKey()).authorHistoryDays()));
                    return items.offences(parts[0], parts[1], entry.getValue().toArray(String[]::new), since)
                            .invoke(rows -> rows.forEach(row -> offences.computeIfAbsent(entry.getKey() + '\u0000' + row[0],
                                    k -> new ArrayList<>()).add(instant(row[1]))));
                })
                .collect().last()
                .replaceWith(offences);
    }

    private List<Arrival> judge(List<MentionRecordedReader> events, Map<String, Charter> byBrand,
                                Map<String, List<Instant>> offences) {
        List<Arrival> arrivals = new ArrayList<>(events.size());
        for (MentionRecordedReader event : events) {
            MentionRecordedReader.Data data = event.data();
            String brand = brandKey(event.tenant(), data.brandId());
            Charter charter = byBrand.get(brand);
            Instant now = clock.instant();
            Classification labels = classifier.classify(data.text(), charter.topics());
            String authorKey = brand + '\u0000' + data.author();
            Verdict verdict = enforcement.judge(charter, data, labels, offences.getOrDefault(authorKey, List.of()), now);
            if (verdict.offence() && data.author() != null) {
                offences.computeIfAbsent(authorKey, k -> new ArrayList<>()).add(now);
            }
            arrivals.add(new Arrival(event, item(event.tenant(), data, verdict, now), labels, verdict));
        }
        return arrivals;
    }

    /** The item as it is stored: already in the status the charter gave it. */
    private static InboxItem item(String tenant, MentionRecordedReader.Data data, Verdict verdict, Instant now) {
        InboxItem item = new InboxItem();
        item.id = data.mentionId();
        item.tenant = tenant;
        item.brandId = data.brandId();
        item.source = data.source();
        item.kind = data.kind() == null ? "comment" : data.kind();
        item.author = data.author();
        item.text = data.text();
        item.url = data.url();
        item.language = data.language();
        item.externalId = data.externalId();
        item.publishedAt = data.publishedAt();
        item.receivedAt = now;
        item.status = verdict.status();
        item.assignee = verdict.assignee();
        item.tags = verdict.tags().toArray(new String[0]);
        item.version = verdict.steps().size();
        item.firstResponseAt = verdict.responded() ? now : null;
        item.offenceAt = verdict.offence() ? now : null;
        item.attachments = data.attachments() == null ? new String[0] : data.attachments().toArray(String[]::new);
        item.rating = data.rating();
        return item;
    }

    /** The arrivals stored now: a mention already in the inbox under another event id (a replay by listening) keeps its first verdict. */
    private Uni<List<Arrival>> store(List<Arrival> arrivals) {
        return insertItems(arrivals).chain(inserted -> {
            List<Arrival> stored = arrivals.stream().filter(a -> inserted.contains(a.item().id)).toList();
            return act(stored).replaceWith(stored);
        });
    }

    /** Records the verdicts' decisions and asks the network for their hides, deletes and replies. */
    Uni<Void> act(List<Arrival> judged) {
        List<DecisionLog.Entry> entries = new ArrayList<>();
        judged.forEach(a -> a.verdict().steps().forEach(step -> entries.add(new DecisionLog.Entry(a.item(), step.decision()))));
        return decisions.recordAll(entries)
                .chain(() -> networkRequests(judged))
                .chain(networkActions::requestAll);
    }

    private Uni<Set<UUID>> insertItems(List<Arrival> arrivals) {
        return items.insertAll(arrivals.stream().map(a -> new InboxItemRepository.NewItem(a.item(), labelsJson(a.labels()),
                sentiment(a) == null ? null : sentiment(a).label(), sentiment(a) == null ? null : sentiment(a).score(),
                a.event().data().thread(), json(a.item().tags), json(a.item().attachments))).toList());
    }

    private static MentionRecordedReader.Sentiment sentiment(Arrival arrival) {
        return arrival.event().data().sentiment();
    }

    /** hide, delete and reply of the stored items; replies rendered from the brand's saved replies. */
    private Uni<List<NetworkActions.Request>> networkRequests(List<Arrival> stored) {
        List<Arrival> withNetwork = stored.stream().filter(a -> a.verdict().steps().stream().anyMatch(Verdict.Step::onNetwork)).toList();
        if (withNetwork.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Set<UUID> replyIds = new HashSet<>();
        withNetwork.forEach(a -> a.verdict().steps().stream().filter(s -> s.action().type() == RuleAction.Type.REPLY)
                .forEach(s -> replyIds.add(s.action().savedReplyId())));
        Uni<Map<UUID, Object[]>> replies = replyIds.isEmpty() ? Uni.createFrom().item(Map.of())
                : Panache.getSession().chain(session -> session.createNativeQuery(
                                "select id, tenant, brand_id, text from saved_reply where id in (:ids)", Object[].class)
                        .setParameter("ids", replyIds)
                        .getResultList())
                .map(rows -> {
                    Map<UUID, Object[]> byId = new HashMap<>();
                    rows.forEach(row -> byId.put((UUID) row[0], row));
                    return byId;
                });
        return replies.map(byId -> {
            List<NetworkActions.Request> requests = new ArrayList<>();
            for (Arrival a : withNetwork) {
                for (Verdict.Step step : a.verdict().steps()) {
                    if (step.onNetwork()) {
                        requests.add(request(a.item(), step, byId));
                    }
                }
            }
            return requests;
        });
    }

    private static NetworkActions.Request request(InboxItem item, Verdict.Step step, Map<UUID, Object[]> replies) {
        String actor = step.decision().actor();
        String action = step.action().type().wire();
        if (step.action().type() != RuleAction.Type.REPLY) {
            return new NetworkActions.Request(item, step.decision().id(), action, null, null, actor, null);
        }
        Object[] reply = replies.get(step.action().savedReplyId());
        // Only the brand's own saved reply; one deleted since the charter named it fails visibly instead.
        if (reply == null || !item.tenant.equals(reply[1]) || !item.brandId.equals(reply[2])) {
            return new NetworkActions.Request(item, step.decision().id(), action, null, null, actor,
                    "saved reply " + step.action().savedReplyId() + " was deleted after the charter named it");
        }
        String text = ReplyTemplate.render((String) reply[3], Map.of("author", item.author == null ? "" : item.author,
                "brand", item.brandId, "agent", ""));
        return new NetworkActions.Request(item, step.decision().id(), action, step.action().visibility(), text, actor, null);
    }

    String labelsJson(Classification classification) {
        Map<String, Object> labels = new LinkedHashMap<>();
        for (Label label : classification.present()) {
            labels.put(label.name(), Map.of("score", label.score(), "evidence", label.evidence()));
        }
        return json(labels);
    }

    private String json(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(value.getClass().getSimpleName() + " not serialisable as JSON", e);
        }
    }

    private static Instant instant(Object value) {
        return value instanceof OffsetDateTime odt ? odt.toInstant() : (Instant) value;
    }
}
