package io.tribu.publishing.approvallink;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An approval link as the agency sees it. */
@Schema(name = "ApprovalLink")
public record LinkView(
        UUID id, String brandId, List<UUID> postIds, String createdBy, Instant createdAt, Instant expiresAt,
        @Schema(nullable = true) String revokedBy, @Schema(nullable = true) Instant revokedAt,
        @Schema(description = "Only in the creation answer: the secret part of the link", nullable = true) String token,
        @Schema(description = "Only in the creation answer: the API address the client opens (GET) and decides at",
                nullable = true) String url) {

    static LinkView of(ApprovalLink link, String token, String url) {
        return new LinkView(link.id, link.brandId, List.copyOf(link.postIds), link.createdBy, link.createdAt, link.expiresAt,
                link.revokedBy, link.revokedAt, token, url);
    }
}
