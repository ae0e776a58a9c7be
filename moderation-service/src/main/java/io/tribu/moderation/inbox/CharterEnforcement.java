package io.tribu.moderation.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.tribu.moderation.action.NetworkActions;
import io.tribu.moderation.charter.Charter;
import io.tribu.moderation.charter.Rule;
import io.tribu.moderation.charter.RuleAction;
import io.tribu.moderation.charter.Subject;
import io.tribu.moderation.classify.Classification;
import io.tribu.moderation.classify.Label;
import io.tribu.moderation.classify.Text;
import io.tribu.moderation.reply.ReplyTemplate;
import io.tribu.moderation.reply.SavedReply;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Runs the brand's charter on an interaction as it enters the inbox and carries out what matched: each
 * action is a decision in the audit trail by rule:&lt;id&gt;, network actions are requested from publishing,
 * and the item ends in the strongest status asked for (deleted > hidden > escalated > replied > assigned >
 * closed). All in the transaction that stored the item.
 */
@ApplicationScoped
class CharterEnforcement {

    private static final List<String> STRENGTH = List.of("new", "closed", "assigned", "replied", "escalated", "hidden", "deleted");

    private final NetworkActions networkActions;
    private final DecisionLog decisions;
    private final ObjectMapper json;

    CharterEnforcement(NetworkActions networkActions, DecisionLog decisions, ObjectMapper json) {
        this.networkActions = networkActions;
        this.decisions = decisions;
        this.json = json;
    }

    /** The rules that match a newly stored item; reads the author's past offences only when a rule needs them. */
    Uni<List<Rule>> evaluate(Charter charter, String tenant, MentionRecordedReader.Data data, Classification labels,
                             Instant at) {
        if (charter.rules().isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        int days = charter.authorHistoryDays();
        Uni<List<Instant>> offences = days == 0 || data.author() == null ? Uni.createFrom().item(List.of())
                : offences(tenant, data.brandId(), data.author(), at.minus(java.time.Duration.ofDays(days)));
        return offences.map(past -> charter.matching(subject(charter, data, labels, past, at)));
    }

    static Subject subject(Charter charter, MentionRecordedReader.Data data, Classification labels,
                           List<Instant> offences, Instant at) {
        MentionRecordedReader.Sentiment sentiment = data.sentiment();
        return new Subject(Text.of(data.text()), labels, sentiment == null ? null : sentiment.label(),
                sentiment == null ? null : sentiment.score(), data.language(), data.source(),
                data.kind() == null ? "comment" : data.kind(), data.author(), offences, at,
                at.atZone(charter.timezone()).toLocalTime());
    }

    /** When the author's earlier items on the brand were hidden or deleted, since the given time. */
    static Uni<List<Instant>> offences(String tenant, String brandId, String author, Instant since) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select d.decided_at from decision d join inbox_item i on i.id = d.item_id
                        where i.tenant = :tenant and i.brand_id = :brand and i.author = :author
                          and d.to_status in ('hidden', 'deleted') and d.decided_at >= :since""", Object.class)
                .setParameter("tenant", tenant)
                .setParameter("brand", brandId)
                .setParameter("author", author)
                .setParameter("since", since)
                .getResultList())
                .map(rows -> rows.stream().map(CharterEnforcement::instant).toList());
    }

    /** matched is not empty, and every rule has at least one action. */
    Uni<Void> apply(InboxItem item, Charter charter, List<Rule> matched, Classification labels) {
        List<Step> steps = plan(item, charter, matched, labels);
        Decision last = steps.get(steps.size() - 1).decision;
        Set<String> tags = new LinkedHashSet<>(item.tags == null ? List.of() : Arrays.asList(item.tags));
        matched.forEach(rule -> rule.then().stream().filter(a -> a.type() == RuleAction.Type.TAG).forEach(a -> tags.addAll(a.tags())));
        boolean responded = steps.stream().anyMatch(s -> !s.decision.action().equals("tag"));
        List<Step> onNetwork = steps.stream().filter(step -> step.action.type() == RuleAction.Type.HIDE
                || step.action.type() == RuleAction.Type.DELETE || step.action.type() == RuleAction.Type.REPLY).toList();
        return decisions.recordAll(item, steps.stream().map(Step::decision).toList())
                .chain(() -> Multi.createFrom().iterable(onNetwork)
                        .onItem().transformToUniAndConcatenate(step -> request(item, step))
                        .collect().last())
                .chain(() -> Panache.getSession().chain(session -> session.createNativeQuery("""
                                update inbox_item set status = :status, assignee = :assignee, tags = :tags,
                                       version = version + :steps,
                                       first_response_at = case when :responded then coalesce(first_response_at, now())
                                                                else first_response_at end
                                where id = :id""")
                        .setParameter("status", last.toStatus())
                        .setParameter("assignee", last.assignee())
                        .setParameter("tags", tags.toArray(new String[0]))
                        .setParameter("steps", steps.size())
                        .setParameter("responded", responded)
                        .setParameter("id", item.id)
                        .executeUpdate()))
                .replaceWithVoid();
    }

    private record Step(Rule rule, RuleAction action, Decision decision) {
    }

    private List<Step> plan(InboxItem item, Charter charter, List<Rule> matched, Classification labels) {
        List<Step> steps = new ArrayList<>();
        String status = item.status;
        String assignee = item.assignee;
        for (Rule rule : matched) {
            String details = details(rule, charter, labels);
            for (RuleAction action : rule.then()) {
                DecisionAction decided = DecisionAction.valueOf(action.type().name());
                String to = decided.result() == null ? status : stronger(status, decided.result().wire());
                if (action.type() == RuleAction.Type.ASSIGN) {
                    assignee = action.assignee();
                }
                steps.add(new Step(rule, action, new Decision(UUID.randomUUID(), "rule:" + rule.id(), decided.wire(),
                        status, to, assignee, rule.name(), rule.id(), charter.version(), details)));
                status = to;
            }
        }
        return steps;
    }

    private Uni<Void> request(InboxItem item, Step step) {
        String actor = step.decision.actor();
        String action = step.action.type().wire();
        if (step.action.type() != RuleAction.Type.REPLY) {
            return networkActions.request(item, step.decision.id(), action, null, null, actor).replaceWithVoid();
        }
        return SavedReply.<SavedReply>find("id = ?1 and tenant = ?2 and brandId = ?3", step.action.savedReplyId(),
                        item.tenant, item.brandId).firstResult()
                .chain(reply -> reply == null
                        ? networkActions.refuse(item, step.decision.id(), action, actor,
                                "saved reply " + step.action.savedReplyId() + " was deleted after the charter named it")
                        : networkActions.request(item, step.decision.id(), action, step.action.visibility(),
                                ReplyTemplate.render(reply.text, Map.of("author", item.author == null ? "" : item.author,
                                        "brand", item.brandId, "agent", "")), actor))
                .replaceWithVoid();
    }

    private static String stronger(String current, String next) {
        return STRENGTH.indexOf(next) >= STRENGTH.indexOf(current) ? next : current;
    }

    /** The evidence kept with an automatic decision: which rule of which version, on which scores. */
    private String details(Rule rule, Charter charter, Classification labels) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("rule", Map.of("id", rule.id(), "name", rule.name(), "priority", rule.priority()));
        details.put("charterVersion", charter.version());
        Map<String, Object> scores = new LinkedHashMap<>();
        for (Label label : labels.present()) {
            scores.put(label.name(), Map.of("score", label.score(), "evidence", label.evidence()));
        }
        details.put("labels", scores);
        try {
            return json.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("decision details not serialisable", e);
        }
    }

    private static Instant instant(Object value) {
        return value instanceof OffsetDateTime odt ? odt.toInstant() : (Instant) value;
    }
}
