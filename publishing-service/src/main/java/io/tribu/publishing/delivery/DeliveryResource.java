package io.tribu.publishing.delivery;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.tribu.platform.access.Caller;
import io.tribu.platform.access.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

@Path("/brands/{brandId}/posts/{postId}/deliveries")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Posts", description = "The brand's editorial calendar: post drafts with one text per network")
@SecurityRequirement(name = "oidc")
public class DeliveryResource {

    static final String EXAMPLE = """
            {"postId": "5c0e3f2a-9b1d-4e7a-8c6f-2d4b1a0e9f37", "deliveries": [
              {"channelId": "0f6f1f0e-8a57-4f5e-a7a1-3c2b9f1d4e11", "network": "bluesky", "handle": "cafelumiere.bsky.social",
               "status": "failed", "dueAt": "2026-12-24T17:00:00Z", "attempts": 1, "url": null, "externalId": null,
               "lastError": "bluesky answered 400: text too long", "publishedAt": null, "outcomeAt": "2026-12-24T17:00:01Z"},
              {"channelId": "7d1c2b3a-4e5f-4a6b-9c8d-1e2f3a4b5c6d", "network": "mastodon", "handle": "@cafelumiere@mastodon.social",
               "status": "published", "dueAt": "2026-12-24T17:00:00Z", "attempts": 1,
               "url": "https://mastodon.social/@cafelumiere/113456789012345678", "externalId": "113456789012345678",
               "lastError": null, "publishedAt": "2026-12-24T17:00:01Z", "outcomeAt": "2026-12-24T17:00:01Z"}]}""";

    /** The deliveries of one post. */
    @Schema(name = "PostDeliveries")
    public record DeliveriesView(UUID postId, List<DeliveryView> deliveries) {
    }

    private final Caller caller;
    private final PostDeliveries deliveries;

    public DeliveryResource(Caller caller, PostDeliveries deliveries) {
        this.caller = caller;
        this.deliveries = deliveries;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST, Roles.CLIENT_APPROVER})
    @Operation(summary = "What became of each variant of the post",
            description = "One delivery per (variant, channel of its network), created when the post is scheduled: "
                    + "pending, published (url, externalId, publishedAt) or failed (lastError). Empty before scheduling.")
    @APIResponse(responseCode = "200", description = "The post's deliveries, by network",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeliveriesView.class),
                    example = EXAMPLE))
    @APIResponse(responseCode = "404", description = "No such post for this brand and agency, or the brand is not one of the caller's")
    public Uni<DeliveriesView> list(@PathParam("brandId") String brandId, @PathParam("postId") UUID postId) {
        String brand = caller.requireBrand(brandId);
        return deliveries.of(caller.tenant(), brand, postId).map(found -> new DeliveriesView(postId, found));
    }
}
