package io.tribu.publishing.approval;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CommentRequest")
public record CommentRequest(
        @Schema(examples = "Peut-on ajouter le hashtag #noel ?") @NotBlank @Size(max = 2000) String text) {
}
