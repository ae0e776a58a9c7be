package io.tribu.moderation.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;

/** Reads the audit trail of a brand for a period, and derives the statements of reasons from it. */
@ApplicationScoped
public class AuditService {

    /** An export covers at most this many decisions; a longer period must be split. */
    public static final int MAX_ENTRIES = 100_000;

    private final ObjectMapper json;

    public AuditService(ObjectMapper json) {
        this.json = json;
    }

    @WithSession
    public Uni<List<AuditEntry>> decisions(String tenant, String brandId, Instant from, Instant to, boolean removalsOnly) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select d.id, d.item_id, d.decided_at, d.actor, d.automated, d.rule_id, d.charter_version, d.action,
                               d.from_status, d.to_status, d.assignee, d.reason, d.details::text,
                               a.outcome, a.reason, i.source, i.kind, i.author, i.text, i.url, i.published_at, d.via
                        from decision d
                        join inbox_item i on i.id = d.item_id
                        left join network_action a on a.decision_id = d.id
                        where d.tenant = :tenant and d.brand_id = :brand and d.decided_at >= :from and d.decided_at < :to
                          and (not :removals or d.action in ('hide', 'delete'))
                        order by d.decided_at, d.id limit :limit""", Object[].class)
                .setParameter("tenant", tenant)
                .setParameter("brand", brandId)
                .setParameter("from", from)
                .setParameter("to", to)
                .setParameter("removals", removalsOnly)
                .setParameter("limit", MAX_ENTRIES)
                .getResultList())
                .map(rows -> rows.stream().map(this::entry).toList());
    }

    public static StatementOfReasons statement(AuditEntry entry, String brandId) {
        boolean removal = entry.action().equals("delete");
        List<String> labels = new ArrayList<>();
        JsonNode present = entry.details() == null ? null : entry.details().path("labels");
        if (present != null) {
            for (Iterator<String> names = present.fieldNames(); names.hasNext(); ) {
                labels.add(names.next());
            }
        }
        String facts = "A " + entry.kind() + " by " + (entry.author() == null ? "an unnamed author" : entry.author())
                + " on " + entry.channel() + (labels.isEmpty() ? "" : ", detected as " + String.join(", ", labels))
                + (entry.reason() == null ? "" : ". " + entry.reason());
        String ground = entry.automated()
                ? "Rule '" + entry.reason() + "' (" + entry.ruleId() + ") of the " + brandId
                        + " community charter, version " + entry.charterVersion()
                : "Decision of moderator " + entry.actor() + " under the " + brandId + " community charter";
        return new StatementOfReasons(entry.decisionId(), entry.itemId(), entry.decidedAt(),
                removal ? "removal" : "visibility_restriction",
                removal ? "the content was deleted from the brand's page" : "the content was hidden from other users of the brand's page",
                entry.channel(), entry.kind(), entry.url(), entry.itemPublishedAt(), excerpt(entry.text()), facts,
                !labels.isEmpty(), entry.automated(), "incompatible_with_terms_and_conditions", ground,
                "The author may ask the brand to review this decision by writing to it on " + entry.channel()
                        + "; a moderator then decides again, and the new decision is recorded too.",
                entry.networkOutcome(), labels);
    }

    private AuditEntry entry(Object[] r) {
        return new AuditEntry((UUID) r[0], (UUID) r[1], instant(r[2]), (String) r[3], (Boolean) r[4], (String) r[5],
                r[6] == null ? null : ((Number) r[6]).intValue(), (String) r[7], (String) r[8], (String) r[9],
                (String) r[10], (String) r[11], tree((String) r[12]), (String) r[13], (String) r[14], (String) r[15],
                (String) r[16], (String) r[17], (String) r[18], (String) r[19], instant(r[20]), (String) r[21]);
    }

    private JsonNode tree(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("decision.details is not JSON", e);
        }
    }

    private static String excerpt(String text) {
        return text.length() <= 500 ? text : text.substring(0, 499) + "…";
    }

    private static Instant instant(Object value) {
        return value instanceof OffsetDateTime odt ? odt.toInstant() : (Instant) value;
    }
}
