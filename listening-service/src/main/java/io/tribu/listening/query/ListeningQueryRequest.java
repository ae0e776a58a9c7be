package io.tribu.listening.query;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ListeningQueryRequest")
public record ListeningQueryRequest(
        @Schema(examples = "Marque FR") @NotBlank @Size(max = 200) String name,
        @Schema(examples = "(\"café lumière\" OR #cafelumiere) lang:fr NOT recrutement",
                description = "boolean listening query, grammar in the service README")
        @NotBlank @Size(max = 4000) String query,
        @Schema(examples = "brand", enumeration = {"brand", "competitor"}, description = "brand (the brand itself) or competitor (share of voice)")
        @NotBlank @Pattern(regexp = "brand|competitor", message = "must be brand or competitor") String subject,
        @Schema(examples = "Torréfaction Martin", description = "required when subject is competitor, else absent")
        @Size(max = 200) String competitor,
        @Schema(examples = "true", description = "default true") Boolean enabled) {
}
