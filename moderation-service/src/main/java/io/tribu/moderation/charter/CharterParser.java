package io.tribu.moderation.charter;

import com.fasterxml.jackson.databind.JsonNode;
import io.tribu.moderation.classify.Classification;
import io.tribu.platform.json.StrictJson;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads a charter document and either compiles it or lists every violation with the path of the field at
 * fault, so an editor can point at it. Disabled rules are checked too but not compiled.
 */
public final class CharterParser {

    public static final int MAX_RULES = 200;
    static final int MAX_DEPTH = 8;
    static final int MAX_LIST = 500;
    static final int MAX_REGEX = 500;
    /** Each word, topic, channel, kind or language of a list. */
    static final int MAX_LIST_ITEM = 200;
    private static final Pattern RULE_ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");
    static final Set<String> ROOT_FIELDS = Set.of("timezone", "topics", "rules");
    static final Set<String> RULE_FIELDS = Set.of("id", "name", "priority", "enabled", "stopAfterMatch", "when", "then");
    static final Set<String> ACTION_FIELDS = Set.of("action", "savedReplyId", "visibility", "assignee", "tags");
    static final Set<String> CONDITIONS = Set.of("all", "any", "not", "label", "keywords", "regex", "sentiment",
            "language", "channel", "kind", "repeatOffender", "timeOfDay", "rating");
    static final Set<String> LABEL_FIELDS = Set.of("name", "minScore");
    static final Set<String> REPEAT_OFFENDER_FIELDS = Set.of("minPrevious", "withinDays");
    static final Set<String> TIME_OF_DAY_FIELDS = Set.of("from", "to");
    static final Set<String> RATING_FIELDS = Set.of("min", "max");
    private static final Set<String> SENTIMENTS = Set.of("positive", "neutral", "negative");

    private final List<Violation> violations = new ArrayList<>();
    /** Saved replies the rules name, with where: the caller checks they exist for the brand. */
    private final Map<String, UUID> savedReplies = new java.util.LinkedHashMap<>();

    /** The outcome: a compiled charter when there is no violation. */
    public record Result(Charter charter, List<Violation> violations, Map<String, UUID> savedReplies) {
        public boolean valid() {
            return violations.isEmpty();
        }
    }

    public static Result parse(JsonNode document, int version) {
        CharterParser parser = new CharterParser();
        Charter charter = parser.charter(document, version);
        return new Result(parser.violations.isEmpty() ? charter : null, List.copyOf(parser.violations),
                Map.copyOf(parser.savedReplies));
    }

    private Charter charter(JsonNode root, int version) {
        if (root == null || !root.isObject()) {
            violation("", "must be a JSON object with timezone, topics and rules");
            return null;
        }
        unknownFields(root, "", ROOT_FIELDS);
        ZoneId zone = ZoneId.of("UTC");
        JsonNode tz = root.get("timezone");
        String zoneName = tz == null || tz.isNull() ? null : text(tz, "timezone");
        if (zoneName != null) {
            try {
                zone = ZoneId.of(zoneName);
            } catch (DateTimeException e) {
                violation("timezone", "must be an IANA time zone such as Europe/Paris");
            }
        }
        List<String> topics = root.has("topics") ? strings(root.get("topics"), "topics", true) : List.of();
        JsonNode rulesNode = root.get("rules");
        List<Rule> rules = new ArrayList<>();
        if (rulesNode == null || !rulesNode.isArray()) {
            violation("rules", "is required and must be an array");
        } else if (rulesNode.size() > MAX_RULES) {
            violation("rules", "must have at most " + MAX_RULES + " rules");
        } else {
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < rulesNode.size(); i++) {
                Rule rule = rule(rulesNode.get(i), "rules[" + i + "]", ids);
                if (rule != null) {
                    rules.add(rule);
                }
            }
        }
        return violations.isEmpty() ? new Charter(version, zone, topics, rules) : null;
    }

    private Rule rule(JsonNode node, String path, Set<String> ids) {
        if (!node.isObject()) {
            violation(path, "must be an object");
            return null;
        }
        unknownFields(node, path, RULE_FIELDS);
        String id = requiredText(node, path, "id");
        if (id != null && !RULE_ID.matcher(id).matches()) {
            violation(path + ".id", "must be 1-64 lowercase letters, digits, - or _, starting with a letter or digit");
        } else if (id != null && !ids.add(id)) {
            violation(path + ".id", "is already used by another rule");
        }
        String name = requiredText(node, path, "name");
        if (name != null && name.length() > 200) {
            violation(path + ".name", "must be at most 200 characters");
        }
        int priority = 100;
        JsonNode p = node.get("priority");
        if (p != null) {
            if (!p.isIntegralNumber() || p.asInt() < 0 || p.asInt() > 10_000) {
                violation(path + ".priority", "must be an integer from 0 to 10000 (lower runs first)");
            } else {
                priority = p.asInt();
            }
        }
        boolean enabled = bool(node, path, "enabled", true);
        boolean stop = bool(node, path, "stopAfterMatch", false);
        Condition when = null;
        if (!node.has("when")) {
            violation(path + ".when", "is required");
        } else {
            when = condition(node.get("when"), path + ".when", 0);
        }
        List<RuleAction> then = actions(node.get("then"), path + ".then");
        return enabled && when != null && then != null ? new Rule(id, name, priority, stop, when, then) : null;
    }

    private List<RuleAction> actions(JsonNode node, String path) {
        if (node == null || !node.isArray() || node.isEmpty()) {
            violation(path, "is required and must be a non-empty array of actions");
            return null;
        }
        List<RuleAction> actions = new ArrayList<>();
        Set<RuleAction.Type> seen = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String at = path + "[" + i + "]";
            RuleAction action = action(node.get(i), at);
            if (action != null) {
                if (!seen.add(action.type())) {
                    violation(at + ".action", "appears twice in the same rule");
                }
                actions.add(action);
            }
        }
        if (seen.contains(RuleAction.Type.HIDE) && seen.contains(RuleAction.Type.DELETE)) {
            violation(path, "cannot both hide and delete: choose one");
        }
        if (seen.contains(RuleAction.Type.APPROVE) && (seen.contains(RuleAction.Type.HIDE) || seen.contains(RuleAction.Type.DELETE))) {
            violation(path, "cannot approve and also hide or delete");
        }
        return actions;
    }

    private RuleAction action(JsonNode node, String path) {
        if (!node.isObject()) {
            violation(path, "must be an object such as {\"action\": \"hide\"}");
            return null;
        }
        unknownFields(node, path, ACTION_FIELDS);
        String name = requiredText(node, path, "action");
        if (name == null) {
            return null;
        }
        RuleAction.Type type;
        try {
            type = RuleAction.Type.valueOf(name.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            violation(path + ".action", "must be one of hide, delete, reply, assign, tag, escalate, approve");
            return null;
        }
        UUID savedReply = null;
        String visibility = null;
        String assignee = null;
        List<String> tags = List.of();
        switch (type) {
            case REPLY -> {
                String reply = requiredText(node, path, "savedReplyId");
                if (reply != null) {
                    try {
                        savedReply = UUID.fromString(reply);
                        savedReplies.put(path + ".savedReplyId", savedReply);
                    } catch (IllegalArgumentException e) {
                        violation(path + ".savedReplyId", "must be the id (UUID) of one of the brand's saved replies");
                    }
                }
                visibility = node.has("visibility") ? text(node.get("visibility"), path + ".visibility") : "public";
                if (visibility != null && !Set.of("public", "private").contains(visibility)) {
                    violation(path + ".visibility", "must be public or private");
                }
            }
            case ASSIGN -> {
                assignee = requiredText(node, path, "assignee");
                if (assignee != null && assignee.length() > 200) {
                    violation(path + ".assignee", "must be at most 200 characters");
                }
            }
            case TAG -> {
                if (!node.has("tags")) {
                    violation(path + ".tags", "is required for tag");
                } else {
                    tags = strings(node.get("tags"), path + ".tags", false);
                    for (int i = 0; i < tags.size(); i++) {
                        if (tags.get(i).length() > 50) {
                            violation(path + ".tags[" + i + "]", "must be at most 50 characters");
                        }
                    }
                }
            }
            default -> {
            }
        }
        for (String field : List.of("savedReplyId", "visibility", "assignee", "tags")) {
            if (node.has(field) && !usedBy(type, field)) {
                violation(path + "." + field, "does not apply to " + type.wire());
            }
        }
        return new RuleAction(type, savedReply, visibility, assignee, tags);
    }

    private static boolean usedBy(RuleAction.Type type, String field) {
        return switch (field) {
            case "savedReplyId", "visibility" -> type == RuleAction.Type.REPLY;
            case "assignee" -> type == RuleAction.Type.ASSIGN;
            default -> type == RuleAction.Type.TAG;
        };
    }

    private Condition condition(JsonNode node, String path, int depth) {
        if (depth > MAX_DEPTH) {
            violation(path, "nests conditions deeper than " + MAX_DEPTH + " levels");
            return null;
        }
        if (node == null || !node.isObject() || node.size() != 1) {
            violation(path, "must be an object with exactly one of " + String.join(", ", CONDITIONS.stream().sorted().toList()));
            return null;
        }
        String kind = node.fieldNames().next();
        JsonNode value = node.get(kind);
        String at = path + "." + kind;
        return switch (kind) {
            case "all", "any" -> group(kind, value, at, depth);
            case "not" -> {
                Condition inner = condition(value, at, depth + 1);
                yield inner == null ? null : new Condition.Not(inner);
            }
            case "label" -> label(value, at);
            case "keywords" -> {
                List<String> words = strings(value, at, false);
                yield words.isEmpty() ? null : Condition.Keywords.of(words);
            }
            case "regex" -> regex(value, at);
            case "sentiment" -> {
                Set<String> labels = oneOf(value, at, SENTIMENTS);
                yield labels == null ? null : new Condition.SentimentIs(labels);
            }
            case "language" -> {
                List<String> languages = strings(value, at, false);
                for (int i = 0; i < languages.size(); i++) {
                    if (!LANGUAGE.matcher(languages.get(i)).matches()) {
                        violation(at + "[" + i + "]", "must be an ISO 639 code such as fr or en");
                    }
                }
                yield new Condition.LanguageIs(new LinkedHashSet<>(languages));
            }
            case "channel" -> new Condition.ChannelIs(new LinkedHashSet<>(strings(value, at, false)));
            case "kind" -> new Condition.KindIs(new LinkedHashSet<>(strings(value, at, false)));
            case "repeatOffender" -> repeatOffender(value, at);
            case "timeOfDay" -> timeOfDay(value, at);
            case "rating" -> rating(value, at);
            default -> {
                violation(at, "is not a condition; use one of " + String.join(", ", CONDITIONS.stream().sorted().toList()));
                yield null;
            }
        };
    }

    private Condition group(String kind, JsonNode value, String path, int depth) {
        if (value == null || !value.isArray() || value.isEmpty()) {
            violation(path, "must be a non-empty array of conditions");
            return null;
        }
        List<Condition> conditions = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            conditions.add(condition(value.get(i), path + "[" + i + "]", depth + 1));
        }
        if (conditions.contains(null)) {
            return null;
        }
        return kind.equals("all") ? new Condition.All(conditions) : new Condition.Any(conditions);
    }

    private Condition label(JsonNode value, String path) {
        if (value == null || !value.isObject()) {
            violation(path, "must be an object such as {\"name\": \"insult\", \"minScore\": 0.7}");
            return null;
        }
        unknownFields(value, path, LABEL_FIELDS);
        String name = requiredText(value, path, "name");
        if (name != null && !Classification.NAMES.contains(name)) {
            violation(path + ".name", "must be one of " + String.join(", ", Classification.NAMES.stream().sorted().toList()));
            name = null;
        }
        double min = Classification.PRESENT;
        JsonNode score = value.get("minScore");
        if (score != null) {
            if (!score.isNumber() || score.asDouble() < 0 || score.asDouble() > 1) {
                violation(path + ".minScore", "must be a number from 0 to 1");
            } else {
                min = score.asDouble();
            }
        }
        return name == null ? null : new Condition.LabelAtLeast(name, min);
    }

    private Condition regex(JsonNode value, String path) {
        String expression = text(value, path);
        if (expression == null) {
            return null;
        }
        if (expression.isEmpty() || expression.length() > MAX_REGEX) {
            violation(path, "must be 1 to " + MAX_REGEX + " characters");
            return null;
        }
        try {
            return new Condition.RegexFound(Pattern.compile(expression, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
        } catch (PatternSyntaxException e) {
            violation(path, "is not a valid regular expression: " + e.getDescription() + " near index " + e.getIndex());
            return null;
        }
    }

    private Condition repeatOffender(JsonNode value, String path) {
        if (value == null || !value.isObject()) {
            violation(path, "must be an object such as {\"minPrevious\": 2, \"withinDays\": 30}");
            return null;
        }
        unknownFields(value, path, REPEAT_OFFENDER_FIELDS);
        Integer min = integer(value, path, "minPrevious", 1, 1000);
        Integer days = integer(value, path, "withinDays", 1, 365);
        return min == null || days == null ? null : new Condition.RepeatOffender(min, days);
    }

    /** {"min": 1, "max": 2}: stars from min to max, both included; either may be left out, not both. */
    private Condition rating(JsonNode value, String path) {
        if (value == null || !value.isObject() || value.isEmpty()) {
            violation(path, "must be an object such as {\"max\": 2} or {\"min\": 4, \"max\": 5}");
            return null;
        }
        unknownFields(value, path, RATING_FIELDS);
        Integer min = value.has("min") ? integer(value, path, "min", 1, 5) : Integer.valueOf(1);
        Integer max = value.has("max") ? integer(value, path, "max", 1, 5) : Integer.valueOf(5);
        if (min != null && max != null && min > max) {
            violation(path + ".max", "must be at least min");
            return null;
        }
        return min == null || max == null ? null : new Condition.RatingBetween(min, max);
    }

    private Condition timeOfDay(JsonNode value, String path) {
        if (value == null || !value.isObject()) {
            violation(path, "must be an object such as {\"from\": \"22:00\", \"to\": \"07:00\"}");
            return null;
        }
        unknownFields(value, path, TIME_OF_DAY_FIELDS);
        LocalTime from = time(value, path, "from");
        LocalTime to = time(value, path, "to");
        if (from != null && from.equals(to)) {
            violation(path + ".to", "must differ from from");
            return null;
        }
        return from == null || to == null ? null : new Condition.TimeOfDay(from, to);
    }

    private LocalTime time(JsonNode node, String path, String field) {
        String value = requiredText(node, path, field);
        if (value == null) {
            return null;
        }
        try {
            return LocalTime.parse(value);
        } catch (DateTimeParseException e) {
            violation(path + "." + field, "must be a time of day such as 07:30");
            return null;
        }
    }

    private Integer integer(JsonNode node, String path, String field, int min, int max) {
        JsonNode value = node.get(field);
        if (value == null || !value.isIntegralNumber() || value.asInt() < min || value.asInt() > max) {
            violation(path + "." + field, "is required, an integer from " + min + " to " + max);
            return null;
        }
        return value.asInt();
    }

    private Set<String> oneOf(JsonNode value, String path, Set<String> allowed) {
        List<String> values = strings(value, path, false);
        for (int i = 0; i < values.size(); i++) {
            if (!allowed.contains(values.get(i))) {
                violation(path + "[" + i + "]", "must be one of " + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
        return values.isEmpty() ? null : new LinkedHashSet<>(values);
    }

    private List<String> strings(JsonNode value, String path, boolean mayBeEmpty) {
        if (value == null || !value.isArray() || (!mayBeEmpty && value.isEmpty()) || value.size() > MAX_LIST) {
            violation(path, "must be " + (mayBeEmpty ? "an" : "a non-empty") + " array of at most " + MAX_LIST + " strings");
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (!item.isTextual() || item.asText().isBlank()) {
                violation(path + "[" + i + "]", "must be a non-blank string");
            } else if (item.asText().length() > MAX_LIST_ITEM) {
                violation(path + "[" + i + "]", "must be at most " + MAX_LIST_ITEM + " characters");
            } else if (StrictJson.refusal(item.asText()) != null) {
                violation(path + "[" + i + "]", StrictJson.refusal(item.asText()));
            } else {
                out.add(item.asText().strip());
            }
        }
        return out;
    }

    private boolean bool(JsonNode node, String path, String field, boolean fallback) {
        JsonNode value = node.get(field);
        if (value == null) {
            return fallback;
        }
        if (!value.isBoolean()) {
            violation(path + "." + field, "must be true or false");
            return fallback;
        }
        return value.asBoolean();
    }

    private String requiredText(JsonNode node, String path, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            violation(path + "." + field, "is required");
            return null;
        }
        String text = text(value, path + "." + field);
        if (text != null && text.isBlank()) {
            violation(path + "." + field, "must not be blank");
            return null;
        }
        return text;
    }

    /** A string value; one PostgreSQL could not store as it is (NUL, unpaired surrogate) is refused. */
    private String text(JsonNode value, String path) {
        if (!value.isTextual()) {
            violation(path, "must be a string");
            return null;
        }
        String refusal = StrictJson.refusal(value.asText());
        if (refusal != null) {
            violation(path, refusal);
            return null;
        }
        return value.asText();
    }

    private void unknownFields(JsonNode node, String path, Set<String> known) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                violation(path.isEmpty() ? name : path + "." + name,
                        "is not a known field; expected " + String.join(", ", known.stream().sorted().toList()));
            }
        }
    }

    private void violation(String field, String message) {
        violations.add(new Violation(field, message));
    }
}
