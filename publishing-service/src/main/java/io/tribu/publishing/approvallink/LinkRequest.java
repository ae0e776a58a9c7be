package io.tribu.publishing.approvallink;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

@Schema(name = "ApprovalLinkRequest")
public record LinkRequest(
        @Schema(description = "The posts the client may read and decide on: one, or a batch of up to 50 of the brand's posts")
        @NotNull @Size(min = 1, max = 50) List<@NotNull UUID> postIds,
        @Schema(description = "Days until the link stops opening (default 7)", examples = "7", minimum = "1", maximum = "30")
        @Min(1) @Max(30) Integer expiresInDays) {

    int days() {
        return expiresInDays == null ? 7 : expiresInDays;
    }
}
