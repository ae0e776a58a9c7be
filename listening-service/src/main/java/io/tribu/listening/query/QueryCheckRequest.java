package io.tribu.listening.query;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "QueryCheckRequest")
public record QueryCheckRequest(
        @Schema(examples = "café AND", description = "the expression as typed so far (may be empty)")
        @NotNull @Size(max = 4000) String query) {
}
