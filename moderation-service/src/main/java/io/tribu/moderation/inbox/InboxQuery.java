package io.tribu.moderation.inbox;

import io.tribu.moderation.classify.Classification;
import io.tribu.moderation.problem.QueryValues;
import io.tribu.platform.problem.Problems;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * The inbox's filters as query parameters, shared by the list and its counts so that both answer under the same
 * filters. Read and checked here (not by Bean Validation): a bad value answers invalid-parameter naming it.
 */
public class InboxQuery {

    private static final int MAX_TEXT = 200;

    @Parameter(description = "Channel (network) the interaction came from, as in the item's source", example = "mastodon")
    @QueryParam("source")
    public String source;

    @Parameter(example = "camille")
    @QueryParam("assignee")
    public String assignee;

    @Parameter(description = "Published at or after (ISO-8601)", schema = @Schema(type = SchemaType.STRING, format = "date-time"))
    @QueryParam("from")
    public String from;

    @Parameter(description = "Published before (ISO-8601)", schema = @Schema(type = SchemaType.STRING, format = "date-time"))
    @QueryParam("to")
    public String to;

    @Parameter(description = "Classifier label the item carries", example = "insult",
            schema = @Schema(type = SchemaType.STRING, enumeration = {"toxicity", "insult", "threat", "identity_hate", "spam",
                    "scam", "personal_data", "off_topic"}))
    @QueryParam("label")
    public String label;

    @Parameter(description = "Listening's sentiment", example = "negative",
            schema = @Schema(type = SchemaType.STRING, enumeration = {"positive", "neutral", "negative"}))
    @QueryParam("sentiment")
    public String sentiment;

    @Parameter(description = "Language of the text (ISO 639-1)", example = "fr")
    @QueryParam("language")
    public String language;

    @Parameter(description = "The conversation: the post commented on, or conversation:<author id>")
    @QueryParam("thread")
    public String thread;

    @Parameter(description = "Reviews with one of these star counts, comma-separated (1 to 5): 1,2 for the unhappy "
            + "customers; other interactions have no rating and are left out", example = "1,2")
    @QueryParam("rating")
    public String rating;

    @Parameter(description = "Words the text or the author's name contains (case-insensitive)", example = "livraison")
    @QueryParam("q")
    public String search;

    /** The filter without a status (the counts' own dimension). */
    InboxFilter filter() {
        return filter(null);
    }

    InboxFilter filter(String status) {
        return new InboxFilter(status == null ? null : status(status), text("source", source), text("assignee", assignee),
                QueryValues.instant("from", from), QueryValues.instant("to", to), label == null ? null : label(label),
                sentiment == null ? null : sentiment(sentiment), text("thread", thread), language(language),
                search(search), ratings(rating));
    }

    private static java.util.List<Integer> ratings(String value) {
        if (value == null) {
            return null;
        }
        java.util.Set<Integer> ratings = new java.util.TreeSet<>();
        for (String part : value.split(",", -1)) {
            if (!part.strip().matches("[1-5]")) {
                throw Problems.invalidParameter("rating", "must be star counts from 1 to 5, comma-separated, such as 1,2");
            }
            ratings.add(Integer.parseInt(part.strip()));
        }
        return java.util.List.copyOf(ratings);
    }

    private static String text(String field, String value) {
        if (value != null && value.length() > MAX_TEXT) {
            throw Problems.invalidParameter(field, "must be at most " + MAX_TEXT + " characters");
        }
        return value;
    }

    private static String language(String value) {
        if (value != null && !value.matches("[a-z]{2}")) {
            throw Problems.invalidParameter("language", "must be an ISO 639-1 code such as fr or en");
        }
        return value;
    }

    private static String search(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return text("q", value.strip());
    }

    private static String label(String value) {
        if (!Classification.NAMES.contains(value)) {
            throw Problems.invalidParameter("label", "must be one of " + String.join(", ", Classification.NAMES.stream().sorted().toList()));
        }
        return value;
    }

    private static String sentiment(String value) {
        if (!Set.of("positive", "neutral", "negative").contains(value)) {
            throw Problems.invalidParameter("sentiment", "must be one of positive, neutral, negative");
        }
        return value;
    }

    private static InboxStatus status(String value) {
        try {
            return InboxStatus.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            String allowed = String.join(", ", Arrays.stream(InboxStatus.values()).map(InboxStatus::wire).toList());
            throw Problems.invalidParameter("status", "must be one of " + allowed);
        }
    }
}
