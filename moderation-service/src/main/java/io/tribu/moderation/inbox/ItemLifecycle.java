package io.tribu.moderation.inbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.tribu.moderation.charter.Charter;
import io.tribu.moderation.classify.Classification;
import io.tribu.moderation.classify.Classifier;
import io.tribu.platform.intake.ProcessedEvents;
import io.tribu.platform.outbox.OutboxRelay;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What happens to an interaction after it entered the inbox, at its source: its author edits it (the text and what
 * is read from it are replaced, and the charter judges it again like a new one), deletes it (it leaves the queue,
 * loses its text, its SLA clock stops), or the brand answers it on the network itself (its first response). Each is
 * kept in the item's history. Applying the same change twice, or a change to an item that is not in the inbox,
 * changes nothing.
 */
@ApplicationScoped
public class ItemLifecycle {

    private final InboxIntake intake;
    private final InboxItemRepository items;
    private final Classifier classifier;
    private final CharterEnforcement enforcement;
    private final DecisionLog decisions;
    private final ItemHistory history;
    private final OutboxRelay relay;
    private final InboxMeters meters;
    private final ProcessedEvents processed;
    private final Clock clock;

    ItemLifecycle(InboxIntake intake, InboxItemRepository items, Classifier classifier, CharterEnforcement enforcement,
                  DecisionLog decisions, ItemHistory history, OutboxRelay relay, InboxMeters meters, ProcessedEvents processed, Clock clock) {
        this.intake = intake;
        this.items = items;
        this.classifier = classifier;
        this.enforcement = enforcement;
        this.decisions = decisions;
        this.history = history;
        this.relay = relay;
        this.meters = meters;
        this.processed = processed;
        this.clock = clock;
    }

    /**
     * The text as edited at the source; url null keeps the item's; language and sentiment null when unknown; rating: a
     * review's stars as changed by its author (null keeps the item's).
     */
    public record Edit(String tenant, String brandId, UUID itemId, String text, String url, String language,
                       MentionRecordedReader.Sentiment sentiment, Instant editedAt, Integer rating) {

        /** An edit of an interaction without stars. */
        public Edit(String tenant, String brandId, UUID itemId, String text, String url, String language,
                    MentionRecordedReader.Sentiment sentiment, Instant editedAt) {
            this(tenant, brandId, itemId, text, url, language, sentiment, editedAt, null);
        }
    }

    /** Deleted at the source; reason as listening names it (deleted-at-source). */
    public record Withdrawal(String tenant, String brandId, UUID itemId, Instant withdrawnAt, String reason) {
    }

    /**
     * The brand's own account answered on the network: one item (itemId), or else the unanswered items of a
     * conversation (thread) posted before the answer. externalId: the network's id of the answer; actor: the
     * account, as the audit names it.
     */
    public record BrandReply(String tenant, String brandId, UUID itemId, String thread, String externalId, String actor,
                             String text, Instant repliedAt) {
    }

    /**
     * Applies an edit once (eventId: the event's id, null for a webhook delivery) to an item still standing; an edit
     * older than the one applied, or the same text (and stars) again, changes nothing. True when the item changed.
     */
    public Uni<Boolean> edit(UUID eventId, String eventType, Edit edit) {
        return Panache.withTransaction(() -> firstTime(eventId, eventType)
                        .chain(first -> !first ? Uni.createFrom().<Verdict>nullItem()
                                : items.locked(edit.tenant(), edit.brandId(), edit.itemId()).chain(item -> item == null
                                        || item.withdrawnAt != null
                                        || item.editedAt != null && !edit.editedAt().isAfter(item.editedAt)
                                        || item.text.equals(edit.text())
                                        && (edit.rating() == null || edit.rating().equals(item.rating))
                                        ? Uni.createFrom().<Verdict>nullItem() : revise(item, edit))))
                // Committed: the charter's decisions on the edited comment count, and its hides wait in the outbox:
                // relay them now.
                .invoke(verdict -> {
                    if (verdict != null) {
                        meters.decided(verdict);
                        relay.wake();
                    }
                })
                .map(verdict -> verdict != null);
    }

    /** Withdraws an item once (eventId as for edits), unless the brand deleted it; true when the item changed. */
    public Uni<Boolean> withdraw(UUID eventId, String eventType, Withdrawal withdrawal) {
        return Panache.withTransaction(() -> firstTime(eventId, eventType)
                .chain(first -> !first ? Uni.createFrom().item(false)
                        : items.locked(withdrawal.tenant(), withdrawal.brandId(), withdrawal.itemId()).chain(item -> item == null
                                || item.withdrawnAt != null
                                // Deleted on the network at the brand's request: the network's notice of it is the
                                // echo of our own deletion, and the item keeps its text for the audit.
                                || InboxStatus.DELETED.wire().equals(item.status)
                                ? Uni.createFrom().item(false) : withdraw(item, withdrawal))));
    }

    /** Records the brand's answer on the item(s) it answers; a redelivered answer adds nothing. Items answered. */
    public Uni<Integer> brandReplied(BrandReply reply) {
        return Panache.withTransaction(() -> answered(reply)
                .chain(ids -> Multi.createFrom().iterable(ids)
                        .onItem().transformToUniAndConcatenate(id -> items.locked(reply.tenant(), reply.brandId(), id)
                                .chain(item -> item == null ? Uni.createFrom().item(false) : reply(item, reply)))
                        .filter(Boolean::booleanValue)
                        .collect().asList()
                        .map(List::size)));
    }

    private Uni<Boolean> firstTime(UUID eventId, String eventType) {
        return eventId == null ? Uni.createFrom().item(true) : processed.firstTime(eventId, eventType);
    }

    /** The charter's verdict on the edited item, now stored. */
    private Uni<Verdict> revise(InboxItem item, Edit edit) {
        Instant now = clock.instant();
        MentionRecordedReader.Data data = new MentionRecordedReader.Data(item.id, item.brandId, item.source, item.kind,
                true, item.author, edit.text(), edit.url() == null ? item.url : edit.url(), edit.language(),
                item.publishedAt, edit.sentiment(), item.externalId, item.thread,
                item.attachments == null ? List.of() : List.of(item.attachments), edit.rating() != null ? edit.rating() : item.rating);
        List<MentionRecordedReader> edited = List.of(new MentionRecordedReader(item.id, MentionRecordedReader.TYPE,
                item.tenant, data));
        String brand = InboxIntake.brandKey(item.tenant, item.brandId);
        return intake.charters(edited).chain(byBrand -> intake.offences(edited, byBrand)
                .chain(offences -> decisions.ruleActions(item.id)
                .chain(acted -> {
                    Charter charter = byBrand.get(brand);
                    Classification labels = classifier.classify(edit.text(), charter.topics());
                    Verdict verdict = enforcement.judge(charter, data, labels,
                            offences.getOrDefault(brand + '\u0000' + item.author, List.of()), now, item.status, acted);
                    String previous = item.text;
                    item.text = edit.text();
                    item.url = data.url();
                    item.language = edit.language();
                    item.sentiment = edit.sentiment() == null ? null : edit.sentiment().label();
                    item.sentimentScore = edit.sentiment() == null ? null : edit.sentiment().score();
                    item.editedAt = edit.editedAt();
                    item.rating = data.rating();
                    item.status = verdict.status();
                    if (verdict.assignee() != null) {
                        item.assignee = verdict.assignee();
                    }
                    Set<String> tags = new LinkedHashSet<>(item.tags == null ? List.of() : List.of(item.tags));
                    tags.addAll(verdict.tags());
                    item.tags = tags.toArray(String[]::new);
                    // A moderator who saw the old text decides again on the new one (409 stale-version).
                    item.version += 1 + verdict.steps().size();
                    if (verdict.responded() && item.firstResponseAt == null) {
                        item.firstResponseAt = now;
                    }
                    if (verdict.offence() && item.offenceAt == null) {
                        item.offenceAt = now;
                    }
                    return items.labels(item.id, intake.labelsJson(labels))
                            .chain(() -> history.record(item, ItemHistory.EDITED, edit.editedAt(), previous, null, null, null))
                            .chain(() -> intake.act(List.of(new InboxIntake.Arrival(edited.get(0), item, labels, verdict))))
                            .replaceWith(verdict);
                })));
    }

    private Uni<Boolean> withdraw(InboxItem item, Withdrawal withdrawal) {
        item.status = InboxStatus.WITHDRAWN.wire();
        // Like listening: the author took the text back, so no copy of it stays, labels' evidence and history included.
        item.text = "";
        item.withdrawnAt = withdrawal.withdrawnAt();
        item.withdrawnReason = withdrawal.reason();
        item.version += 1;
        return items.labels(item.id, "{}")
                .chain(() -> history.forgetText(item.id))
                .chain(() -> history.record(item, ItemHistory.WITHDRAWN, withdrawal.withdrawnAt(), null, null,
                        withdrawal.reason(), null))
                .replaceWith(true);
    }

    /**
     * Kept in the history; the first answer to an item still waiting for one is its first response (SLA clock
     * stopped, status replied unless it stands stronger) and a reply decision of the brand's account in the audit.
     */
    private Uni<Boolean> reply(InboxItem item, BrandReply reply) {
        return history.record(item, ItemHistory.BRAND_REPLIED, reply.repliedAt(), null, reply.text(), null, reply.externalId())
                .chain(recorded -> {
                    if (!recorded || item.firstResponseAt != null || item.withdrawnAt != null
                            || reply.repliedAt().isBefore(item.publishedAt)) {
                        return Uni.createFrom().item(recorded);
                    }
                    String from = item.status;
                    item.status = InboxStatus.stronger(from, InboxStatus.REPLIED.wire());
                    item.firstResponseAt = reply.repliedAt();
                    item.version += 1;
                    return decisions.record(item, new Decision(UUID.randomUUID(), reply.actor(), DecisionAction.REPLY.wire(),
                                    from, item.status, item.assignee, "answered on the network by the brand's account",
                                    null, null, null))
                            .replaceWith(true);
                });
    }

    /** The item answered, or the conversation's items still unanswered when the answer was posted. */
    private Uni<List<UUID>> answered(BrandReply reply) {
        return reply.itemId() != null ? Uni.createFrom().item(List.of(reply.itemId()))
                : items.unanswered(reply.tenant(), reply.brandId(), reply.thread(), reply.repliedAt());
    }
}
