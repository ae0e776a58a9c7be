package io.tribu.moderation.reply;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SavedReplyRequest")
public record SavedReplyRequest(
        @Schema(examples = "retard-livraison") @NotBlank @Size(max = 100) String name,
        @Schema(examples = "fr") @Pattern(regexp = "[a-z]{2}", message = "must be an ISO 639-1 code such as fr or en")
        String language,
        @Schema(examples = "Bonjour {{author}}, toute l'équipe {{brand}} est désolée de ce retard. {{agent}} vous écrit en privé.",
                description = "Variables: {{author}}, {{brand}}, {{agent}}")
        @NotBlank @Size(max = 5000) String text) {
}
