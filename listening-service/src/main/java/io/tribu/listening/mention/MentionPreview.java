package io.tribu.listening.mention;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** What a query expression would have matched over a period, without being saved. */
@Schema(name = "MentionPreview")
public record MentionPreview(
        Instant from, Instant to, @Schema(examples = "7") int days,
        @Schema(examples = "42", description = "mentions of the period the expression matches (of those scanned)") int count,
        @Schema(examples = "1250", description = "mentions of the period read, newest first") int scanned,
        @Schema(examples = "true", description = "false when the period holds more mentions than a preview reads: "
                + "count then covers the newest `scanned` only") boolean complete,
        @Schema(description = "the first matches, newest first") List<MentionView> items) {
}
