package io.tribu.moderation.charter;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * The charter document as the API documents it (OpenAPI schema {@code Charter}). The service reads the body as a
 * JSON tree and {@link CharterParser} checks it, so that every violation is reported at once with the path of its
 * field, unknown fields included; these records only describe the format, and CharterSpecTest keeps them in step
 * with the parser's fields.
 */
@Schema(name = "Charter", description = "A brand's social media charter written as rules; every violation is reported "
        + "at once, each with the path of its field (rules[1].when.all[0].label.minScore)", examples = """
        {"timezone": "Europe/Paris", "topics": ["café", "espresso*", "torréfaction"], "rules": [
          {"id": "hide-insults", "name": "Masquer les insultes", "priority": 10,
           "when": {"label": {"name": "insult", "minScore": 0.8}}, "then": [{"action": "hide"}]},
          {"id": "night-complaints", "name": "Plaintes la nuit", "stopAfterMatch": true,
           "when": {"all": [{"sentiment": ["negative"]}, {"timeOfDay": {"from": "22:00", "to": "07:00"}}]},
           "then": [{"action": "escalate"}, {"action": "tag", "tags": ["nuit"]}]}]}""")
public record CharterSpec(
        @Schema(description = "IANA time zone used by timeOfDay conditions (default UTC)", examples = "Europe/Paris",
                maxLength = 64) String timezone,
        @Schema(description = "The brand's topic keywords (products, services, names; * for stems), for the off-topic "
                + "classifier; each at most 200 characters", maxItems = CharterParser.MAX_LIST) List<String> topics,
        @Schema(required = true, description = "Evaluated by priority, then in written order", maxItems = CharterParser.MAX_RULES)
        List<RuleSpec> rules) {

    @Schema(name = "CharterRule")
    public record RuleSpec(
            @Schema(required = true, pattern = "[a-z0-9][a-z0-9_-]{0,63}", examples = "hide-insults",
                    description = "Unique in the charter") String id,
            @Schema(required = true, maxLength = 200, examples = "Masquer les insultes") String name,
            @Schema(minimum = "0", maximum = "10000", defaultValue = "100", description = "Lower runs first") Integer priority,
            @Schema(defaultValue = "true", description = "false keeps the rule in the document without running it") Boolean enabled,
            @Schema(defaultValue = "false", description = "A match ends the evaluation") Boolean stopAfterMatch,
            @Schema(required = true) ConditionSpec when,
            @Schema(required = true, minItems = 1) List<ActionSpec> then) {
    }

    @Schema(name = "CharterCondition", description = "An object with exactly one of these keys; nesting up to 8 levels")
    public record ConditionSpec(
            @Schema(minItems = 1, description = "Every condition matches") List<ConditionSpec> all,
            @Schema(minItems = 1, description = "At least one condition matches") List<ConditionSpec> any,
            @Schema(description = "The condition does not match") ConditionSpec not,
            LabelSpec label,
            @Schema(minItems = 1, maxItems = CharterParser.MAX_LIST, description = "Whole words or phrases, case, accents and "
                    + "leetspeak folded; each at most 200 characters") List<String> keywords,
            @Schema(maxLength = CharterParser.MAX_REGEX, description = "A Java regular expression found in the text "
                    + "(case-insensitive, 20 ms per comment)") String regex,
            @Schema(minItems = 1, description = "Any of positive, neutral, negative (listening's sentiment)") List<String> sentiment,
            @Schema(minItems = 1, description = "ISO 639 codes such as fr or en") List<String> language,
            @Schema(minItems = 1, description = "Networks or sources: mastodon, facebook, rss...") List<String> channel,
            @Schema(minItems = 1, description = "comment, reply, direct-message, review...") List<String> kind,
            RepeatOffenderSpec repeatOffender,
            TimeOfDaySpec timeOfDay,
            RatingSpec rating) {
    }

    @Schema(name = "CharterRating", description = "A review's stars from min to max, both included (either may be left "
            + "out, not both); interactions without rating never match")
    public record RatingSpec(
            @Schema(minimum = "1", maximum = "5", defaultValue = "1") Integer min,
            @Schema(minimum = "1", maximum = "5", defaultValue = "5") Integer max) {
    }

    @Schema(name = "CharterLabelCondition")
    public record LabelSpec(
            @Schema(required = true, enumeration = {"toxicity", "insult", "threat", "identity_hate", "spam", "scam",
                    "personal_data", "off_topic"}) String name,
            @Schema(minimum = "0", maximum = "1", defaultValue = "0.5") Double minScore) {
    }

    @Schema(name = "CharterRepeatOffender", description = "The author had at least minPrevious items hidden or deleted "
            + "on the brand in the last withinDays days")
    public record RepeatOffenderSpec(
            @Schema(required = true, minimum = "1", maximum = "1000") Integer minPrevious,
            @Schema(required = true, minimum = "1", maximum = "365") Integer withinDays) {
    }

    @Schema(name = "CharterTimeOfDay", description = "Brand-local time of arrival; the window may wrap past midnight")
    public record TimeOfDaySpec(
            @Schema(required = true, examples = "22:00", pattern = "[0-2][0-9]:[0-5][0-9]") String from,
            @Schema(required = true, examples = "07:00", pattern = "[0-2][0-9]:[0-5][0-9]") String to) {
    }

    @Schema(name = "CharterAction")
    public record ActionSpec(
            @Schema(required = true, enumeration = {"hide", "delete", "reply", "assign", "tag", "escalate", "approve"})
            String action,
            @Schema(format = "uuid", description = "reply: one of the brand's saved replies") String savedReplyId,
            @Schema(enumeration = {"public", "private"}, defaultValue = "public", description = "reply only") String visibility,
            @Schema(maxLength = 200, description = "assign only") String assignee,
            @Schema(minItems = 1, maxItems = CharterParser.MAX_LIST, description = "tag only; each at most 50 characters")
            List<String> tags) {
    }
}
