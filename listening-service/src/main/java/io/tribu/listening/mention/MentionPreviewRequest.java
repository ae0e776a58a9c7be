package io.tribu.listening.mention;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "MentionPreviewRequest")
public record MentionPreviewRequest(
        @Schema(examples = "(\"café lumière\" OR #cafelumiere) lang:fr", description = "a listening query expression")
        @NotBlank @Size(max = 4000) String query,
        @Schema(examples = "7", description = "the last days to look at, 1 to 30 (default 7)")
        @Min(value = 1, message = "must be at least 1 day") @Max(value = 30, message = "must be at most 30 days")
        Integer days,
        @Schema(examples = "20", description = "matches listed, 1 to 100 (default 20)") @Min(1) @Max(100) Integer limit) {
}
