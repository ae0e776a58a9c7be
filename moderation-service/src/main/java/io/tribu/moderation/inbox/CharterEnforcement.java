package io.tribu.moderation.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tribu.moderation.charter.Charter;
import io.tribu.moderation.charter.Rule;
import io.tribu.moderation.charter.RuleAction;
import io.tribu.moderation.charter.Subject;
import io.tribu.moderation.classify.Classification;
import io.tribu.moderation.classify.Label;
import io.tribu.moderation.classify.Text;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Judges a new interaction by the brand's charter: which rules match, and the decisions their actions make,
 * each by rule:&lt;id&gt;. The item ends in the strongest status asked for (deleted > hidden > escalated > replied >
 * assigned > closed), hide, delete and reply once publishing confirms them; tags add up. Pure: storing the verdict
 * is the intake's job.
 */
@ApplicationScoped
class CharterEnforcement {

    private final ObjectMapper json;

    CharterEnforcement(ObjectMapper json) {
        this.json = json;
    }

    Verdict judge(Charter charter, MentionRecordedReader.Data data, Classification labels, List<Instant> offences, Instant at) {
        return judge(charter, data, labels, offences, at, InboxStatus.NEW.wire(), Set.of());
    }

    /**
     * An item edited at its source is judged like a new one, from the status it stands in. acted: what rules
     * already did to it ({@code <rule id>:<action>}); a rule does each action once per item, so an edit that
     * still breaks the charter is not hidden, answered or escalated twice.
     */
    Verdict judge(Charter charter, MentionRecordedReader.Data data, Classification labels, List<Instant> offences,
                  Instant at, String fromStatus, Set<String> acted) {
        Verdict none = new Verdict(List.of(), fromStatus, null, List.of());
        if (charter.rules().isEmpty()) {
            return none;
        }
        List<Rule> matched = charter.matching(subject(charter, data, labels, offences, at));
        if (matched.isEmpty()) {
            return none;
        }
        List<Verdict.Step> steps = new ArrayList<>();
        String status = fromStatus;
        String assignee = null;
        Set<String> tags = new LinkedHashSet<>();
        for (Rule rule : matched) {
            String details = details(rule, charter, labels);
            for (RuleAction action : rule.then()) {
                DecisionAction decided = DecisionAction.valueOf(action.type().name());
                if (acted.contains(rule.id() + ':' + decided.wire())) {
                    continue;
                }
                // hide, delete and reply wait for publishing's confirmation to change the status.
                String to = decided.result() == null || decided.onNetwork() ? status : InboxStatus.stronger(status, decided.result().wire());
                if (action.type() == RuleAction.Type.ASSIGN) {
                    assignee = action.assignee();
                }
                if (action.type() == RuleAction.Type.TAG) {
                    tags.addAll(action.tags());
                }
                steps.add(new Verdict.Step(action, new Decision(UUID.randomUUID(), "rule:" + rule.id(), decided.wire(),
                        status, to, assignee, rule.name(), rule.id(), charter.version(), details)));
                status = to;
            }
        }
        return new Verdict(steps, status, assignee, List.copyOf(tags));
    }

    static Subject subject(Charter charter, MentionRecordedReader.Data data, Classification labels,
                           List<Instant> offences, Instant at) {
        MentionRecordedReader.Sentiment sentiment = data.sentiment();
        return new Subject(Text.of(data.text()), labels, sentiment == null ? null : sentiment.label(),
                sentiment == null ? null : sentiment.score(), data.language(), data.source(),
                data.kind() == null ? "comment" : data.kind(), data.author(), offences, at,
                at.atZone(charter.timezone()).toLocalTime(), data.rating());
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
}
