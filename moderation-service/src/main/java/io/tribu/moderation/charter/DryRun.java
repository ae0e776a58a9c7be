package io.tribu.moderation.charter;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.tribu.platform.access.NotFoundProblems;
import io.tribu.moderation.classify.Classifier;
import io.tribu.moderation.classify.Text;
import io.tribu.moderation.inbox.InboxItemRepository;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Replays a charter over the brand's recent inbox without touching it: texts are classified again with the
 * charter's topics, and each item is judged with the author's offences as they stood when it arrived.
 */
@ApplicationScoped
public class DryRun {

    static final int MAX_ITEMS = 20_000;
    static final int MAX_LISTED = 200;
    static final int EXAMPLES_PER_RULE = 5;

    private final CharterService charters;
    private final CharterBook book;
    private final Classifier classifier;
    private final Vertx vertx;
    private final InboxItemRepository items;
    private final Clock clock;

    public DryRun(CharterService charters, CharterBook book, Classifier classifier, Vertx vertx, InboxItemRepository items,
                  Clock clock) {
        this.charters = charters;
        this.book = book;
        this.classifier = classifier;
        this.vertx = vertx;
        this.items = items;
        this.clock = clock;
    }

    private record Row(UUID id, String text, String source, String kind, String author, String language,
                       String sentiment, Double sentimentScore, Instant receivedAt, String status, Integer rating) {
    }

    @WithSession
    public Uni<DryRunReport> run(String tenant, String brandId, JsonNode draft, int days) {
        Uni<Charter> charter = draft != null ? charters.validate(tenant, brandId, draft)
                : book.latest(tenant, brandId).map(found -> CharterParser.parse(found.orElseThrow(
                        () -> NotFoundProblems.of("Brand " + brandId + " has no charter yet; send one to try")).document(),
                        found.get().version()).charter());
        Instant since = clock.instant().minus(Duration.ofDays(days));
        return charter.chain(c -> items(tenant, brandId, since)
                .chain(rows -> offences(tenant, brandId, c, since)
                        .chain(offences -> vertx.executeBlocking(Uni.createFrom().item(
                                () -> judge(c, draft != null, days, rows, offences))))));
    }

    private DryRunReport judge(Charter charter, boolean draft, int days, List<Row> rows, Map<String, List<Instant>> offences) {
        boolean truncated = rows.size() > MAX_ITEMS;
        List<Row> replayed = truncated ? rows.subList(0, MAX_ITEMS) : rows;
        Map<String, Integer> perRule = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> actionsPerRule = new HashMap<>();
        Map<String, List<DryRunReport.ItemOutcome>> examples = new HashMap<>();
        charter.rules().forEach(r -> {
            perRule.put(r.id(), 0);
            actionsPerRule.put(r.id(), new LinkedHashMap<>());
            examples.put(r.id(), new ArrayList<>());
        });
        Map<String, Integer> perAction = new LinkedHashMap<>();
        List<DryRunReport.ItemOutcome> listed = new ArrayList<>();
        int matched = 0;
        for (Row row : replayed) {
            Subject subject = new Subject(Text.of(row.text), classifier.classify(row.text, charter.topics()), row.sentiment,
                    row.sentimentScore, row.language, row.source, row.kind, row.author,
                    row.author == null ? List.of() : offences.getOrDefault(row.author, List.of()), row.receivedAt,
                    row.receivedAt.atZone(charter.timezone()).toLocalTime(), row.rating);
            List<Rule> rules = charter.matching(subject);
            if (rules.isEmpty()) {
                continue;
            }
            matched++;
            List<String> actions = new ArrayList<>();
            for (Rule rule : rules) {
                perRule.merge(rule.id(), 1, Integer::sum);
                for (RuleAction action : rule.then()) {
                    perAction.merge(action.type().wire(), 1, Integer::sum);
                    actionsPerRule.get(rule.id()).merge(action.type().wire(), 1, Integer::sum);
                    actions.add(action.describe().toString());
                }
            }
            DryRunReport.ItemOutcome outcome = new DryRunReport.ItemOutcome(row.id, row.receivedAt, row.author,
                    excerpt(row.text), row.status, rules.stream().map(Rule::id).toList(), actions);
            if (listed.size() < MAX_LISTED) {
                listed.add(outcome);
            }
            for (Rule rule : rules) {
                List<DryRunReport.ItemOutcome> own = examples.get(rule.id());
                if (own.size() < EXAMPLES_PER_RULE) {
                    own.add(outcome);
                }
            }
        }
        List<DryRunReport.RuleCount> ruleCounts = charter.rules().stream()
                .map(r -> new DryRunReport.RuleCount(r.id(), r.name(), perRule.get(r.id()), actionsPerRule.get(r.id()),
                        examples.get(r.id()))).toList();
        return new DryRunReport(draft ? null : charter.version(), days, replayed.size(), truncated, matched, ruleCounts,
                perAction, listed);
    }

    private static String excerpt(String text) {
        return text.length() <= 200 ? text : text.substring(0, 199) + "…";
    }

    private Uni<List<Row>> items(String tenant, String brandId, Instant since) {
        return items.receivedSince(tenant, brandId, since, MAX_ITEMS + 1)
                .map(rows -> rows.stream().map(r -> new Row((UUID) r[0], (String) r[1], (String) r[2], (String) r[3],
                        (String) r[4], (String) r[5], (String) r[6], r[7] == null ? null : ((Number) r[7]).doubleValue(),
                        instant(r[8]), (String) r[9], r[10] == null ? null : ((Number) r[10]).intValue())).toList());
    }

    /** When each author's items on the brand were first hidden or deleted, since the start of the widest window the rules look at. */
    private Uni<Map<String, List<Instant>>> offences(String tenant, String brandId, Charter charter, Instant since) {
        int history = charter.authorHistoryDays();
        if (history == 0) {
            return Uni.createFrom().item(Map.of());
        }
        return items.offences(tenant, brandId, null, since.minus(Duration.ofDays(history)))
                .map(rows -> {
                    Map<String, List<Instant>> byAuthor = new HashMap<>();
                    rows.forEach(r -> byAuthor.computeIfAbsent((String) r[0], k -> new ArrayList<>()).add(instant(r[1])));
                    return byAuthor;
                });
    }

    private static Instant instant(Object value) {
        return value instanceof OffsetDateTime odt ? odt.toInstant() : (Instant) value;
    }
}
