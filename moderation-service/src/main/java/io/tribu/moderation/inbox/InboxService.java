package io.tribu.moderation.inbox;

import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tribu.platform.access.NotFoundProblems;
import io.tribu.platform.problem.Problems;
import io.tribu.moderation.classify.Classification;
import io.tribu.moderation.classify.Classifier;
import io.tribu.moderation.classify.Label;
import io.tribu.moderation.action.NetworkActions;
import io.tribu.moderation.charter.Charter;
import io.tribu.moderation.charter.CharterBook;
import io.tribu.moderation.people.People;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.reactive.mutiny.Mutiny;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class InboxService {

    private static final String REVIEW = "review";
    static final URI CONFLICT_TYPE = URI.create("https://tribu.io/problems/stale-version");
    static final URI WITHDRAWN_TYPE = URI.create("https://tribu.io/problems/withdrawn");

    private final InboxItemRepository items;
    private final DecisionLog decisions;
    private final NetworkActions networkActions;
    private final ItemHistory history;
    private final People people;
    private final Clock clock;

    public InboxService(InboxItemRepository items, DecisionLog decisions, NetworkActions networkActions, ItemHistory history,
                        People people, Clock clock) {
        this.items = items;
        this.decisions = decisions;
        this.networkActions = networkActions;
        this.history = history;
        this.people = people;
        this.clock = clock;
    }

    /** Items matching the filter, newest first, after the cursor; one more than asked tells if a page follows. */
    @WithSession
    public Uni<InboxPage> search(String tenant, String brandId, InboxFilter filter, InboxCursor after, int limit) {
        return items.page(tenant, brandId, filter, after, limit)
                .chain(rows -> {
                    boolean more = rows.size() > limit;
                    List<InboxItem> page = more ? rows.subList(0, limit) : rows;
                    InboxItem last = page.isEmpty() ? null : page.get(page.size() - 1);
                    List<UUID> ids = page.stream().map(i -> i.id).toList();
                    return networkActions.ofItems(ids).chain(actions -> history.ofItems(ids)
                            .map(changes -> new InboxPage(page.stream()
                                    .map(i -> InboxItemView.of(i, actions.getOrDefault(i.id, List.of()),
                                            changes.getOrDefault(i.id, List.of()))).toList(),
                                    more ? new InboxCursor(last.publishedAt, last.id).encode() : null)));
                });
    }

    /** How many items of the brand are in each status under the filter (every status listed, zero included). */
    @WithSession
    public Uni<Map<String, Long>> countByStatus(String tenant, String brandId, InboxFilter filter) {
        return items.countByStatus(tenant, brandId, filter)
                .map(rows -> {
                    Map<String, Long> counts = new LinkedHashMap<>();
                    for (InboxStatus status : InboxStatus.values()) {
                        counts.put(status.wire(), 0L);
                    }
                    rows.forEach(row -> counts.put((String) row[0], ((Number) row[1]).longValue()));
                    return counts;
                });
    }

    /** Per brand (every one asked, zeros included, by id): new and open items and SLA breaches now; one query. */
    @WithSession
    public Uni<InboxSummary> summary(String tenant, java.util.Set<String> brandIds) {
        List<String> brands = brandIds.stream().sorted().toList();
        if (brands.isEmpty()) {
            return Uni.createFrom().item(new InboxSummary(List.of()));
        }
        return items.openCounts(tenant, brands)
                .map(rows -> {
                    Map<String, InboxSummary.Brand> byBrand = new LinkedHashMap<>();
                    brands.forEach(b -> byBrand.put(b, new InboxSummary.Brand(b, 0, 0, 0)));
                    rows.forEach(r -> byBrand.put((String) r[0], new InboxSummary.Brand((String) r[0],
                            ((Number) r[1]).longValue(), ((Number) r[2]).longValue(), ((Number) r[3]).longValue())));
                    return new InboxSummary(List.copyOf(byBrand.values()));
                });
    }

    /** The brand's channels (the items' sources) with how many items each holds, and how many of them are new. */
    @WithSession
    public Uni<List<InboxSource>> sources(String tenant, String brandId) {
        return items.sourceCounts(tenant, brandId)
                .map(rows -> rows.stream().map(row -> new InboxSource((String) row[0], ((Number) row[1]).longValue(),
                        ((Number) row[2]).longValue())).toList());
    }

    /** Adds a moderator's note to the item's history; 404 when the item is not the brand's. */
    @WithTransaction
    public Uni<ItemTimeline.Entry> note(String tenant, String brandId, UUID id, String actor, NoteRequest request) {
        return items.ofBrand(tenant, brandId, id)
                .onItem().ifNull().failWith(() -> NotFoundProblems.of("Inbox item " + id + " not found"))
                .chain(item -> history.note(item, actor, request.text()));
    }

    /** Everything that happened to one item, oldest first; 404 when it is not the brand's. */
    @WithSession
    public Uni<ItemTimeline> timeline(String tenant, String brandId, UUID id) {
        return items.ofBrand(tenant, brandId, id)
                .onItem().ifNull().failWith(() -> NotFoundProblems.of("Inbox item " + id + " not found"))
                .chain(item -> history.timeline(item.id).map(entries -> new ItemTimeline(item.id, item.version, entries)));
    }

    @WithSession
    public Uni<InboxItemView> find(String tenant, String brandId, UUID id) {
        return items.ofBrand(tenant, brandId, id)
                .onItem().ifNull().failWith(() -> NotFoundProblems.of("Inbox item " + id + " not found"))
                .chain(this::view);
    }

    /** The item with its network actions; must run inside a session. */
    Uni<InboxItemView> view(InboxItem item) {
        return networkActions.ofItems(List.of(item.id)).chain(actions -> history.ofItems(List.of(item.id))
                .map(changes -> InboxItemView.of(item, actions.getOrDefault(item.id, List.of()),
                        changes.getOrDefault(item.id, List.of()))));
    }

    /**
     * Applies a decision if the item is still at the version the moderator saw. The conditional
     * update makes concurrent decisions race-free: exactly one matches the version, the others get 409.
     * hide, delete and reply are asked of publishing in the same transaction and leave the status as it is: the
     * item becomes hidden, deleted or replied, and its first response is dated, once publishing confirms it
     * ({@link io.tribu.moderation.action.ActionOutcomeConsumer}). Done by hand on the network (onNetwork false),
     * they change the status at once. via: the agent the actor decides through (e.g. "MCP, client Claude"), named
     * by the audit trail; null when they decide themselves.
     */
    @WithTransaction
    @WithSpan
    public Uni<InboxItemView> decide(String tenant, @SpanAttribute("tribu.brand.id") String brandId,
                                     @SpanAttribute("tribu.item.id") UUID id, String actor, String via,
                                     DecisionRequest request) {
        DecisionAction action = DecisionAction.fromWire(request.action());
        boolean asksNetwork = action.onNetwork() && request.asksNetwork();
        Uni<Void> known = action == DecisionAction.ASSIGN && request.assignee() != null
                ? people.requireKnown(tenant, request.assignee(), "assignee") : Uni.createFrom().voidItem();
        return known.chain(() -> items.ofBrand(tenant, brandId, id))
                .onItem().ifNull().failWith(() -> NotFoundProblems.of("Inbox item " + id + " not found"))
                .chain(item -> {
                    if (item.withdrawnAt != null) {
                        return Uni.createFrom().failure(withdrawn(item));
                    }
                    if (item.version != request.expectedVersion()) {
                        return Uni.createFrom().failure(staleVersion(item));
                    }
                    if (action == DecisionAction.DELETE_REPLY && !REVIEW.equals(item.kind)) {
                        return Uni.createFrom().failure(Problems.invalidBody("action", "delete_reply applies to reviews "
                                + "only (kind review); on " + item.source + " the brand's reply is an item of its own: delete it"));
                    }
                    String fromStatus = item.status;
                    String toStatus = asksNetwork ? fromStatus : action == DecisionAction.DELETE_REPLY
                            ? DecisionAction.afterReplyRemoved(fromStatus, item.assignee) : action.result().wire();
                    String assignee = action == DecisionAction.ASSIGN ? request.assignee() : item.assignee;
                    Decision decision = new Decision(UUID.randomUUID(), actor, action.wire(), fromStatus, toStatus,
                            assignee, request.reason(), null, null, null, via);
                    // A decision settled here is the first response: it stops the SLA clock. One asked of the network
                    // stops it when publishing confirms it. The first hide or delete of the item is its author's
                    // offence (the moderator's judgement, whatever the network does), a later one adds none.
                    // Removing the brand's answer answers nobody.
                    boolean responds = !asksNetwork && action != DecisionAction.DELETE_REPLY;
                    return items.decide(id, request.expectedVersion(), toStatus, assignee, responds, action.offence(),
                                    clock.instant())
                            .chain(updated -> updated == 0
                                    ? Uni.createFrom().failure(staleVersion(item))
                                    : decisions.record(item, decision))
                            .chain(() -> asksNetwork
                                    ? networkActions.request(item, decision.id(), action.wire(),
                                            action == DecisionAction.REPLY ? request.visibilityOrDefault() : null,
                                            request.replyText(), actor).replaceWithVoid()
                                    : Uni.createFrom().voidItem())
                            .chain(() -> items.reloaded(item.id))
                            .chain(this::view);
                });
    }

    /** Deleted at its source: there is nothing left to hide, answer or assign. */
    private static HttpProblem withdrawn(InboxItem item) {
        return HttpProblem.builder()
                .withType(WITHDRAWN_TYPE)
                .withStatus(Response.Status.CONFLICT)
                .withTitle("Conflict")
                .withDetail("Inbox item " + item.id + " was deleted at its source (" + item.withdrawnReason
                        + "); no decision applies to it any more")
                .with("withdrawnAt", item.withdrawnAt.toString())
                .build();
    }

    private static HttpProblem staleVersion(InboxItem item) {
        return HttpProblem.builder()
                .withType(CONFLICT_TYPE)
                .withStatus(Response.Status.CONFLICT)
                .withTitle("Conflict")
                .withDetail("Inbox item " + item.id + " was changed by someone else; reload it and decide again")
                .with("currentVersion", item.version)
                .build();
    }
}
