package io.tribu.publishing.approvallink;

import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/**
 * The client's side of an approval link, without an account: these two operations are the service's only ones
 * open without a token (PermitAll here and nowhere else); {@link LinkRequestBudget} counts every request to them
 * against its address' budget before anything else runs.
 */
@Path("/approval-links/{token}")
@PermitAll
// The signed token in the path is the only credential: no security scheme applies (an empty requirement).
@SecurityRequirementsSet
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Approval links", description = "Signed, expiring, revocable links letting a client without an account "
        + "read posts and approve them or request changes")
public class ClientApprovalResource {

    private final ApprovalLinks links;

    public ClientApprovalResource(ApprovalLinks links) {
        this.links = links;
    }

    @GET
    @Operation(summary = "Read the posts of an approval link (no account)",
            description = "Titles, plans and each network's variant. Every opening is a line of each post's history. "
                    + "An unknown, malformed or altered token answers 404; an expired or revoked link 410.")
    @APIResponse(responseCode = "200", description = "The link's posts",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClientView.class)))
    public Uni<ClientView> readApprovalLink(@Parameter(description = "The link's token") @PathParam("token") String token) {
        return links.open(token).map(ClientView::of);
    }

    @POST
    @Path("/posts/{postId}/decisions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Approve a post of the link, or request changes with a comment (no account)",
            description = "The post must be in review (else 409). Kept in the post's history as by \"approval link\" "
                    + "and the link's first 8 characters.")
    @APIResponse(responseCode = "200", description = "The post in its new status",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClientView.ClientPost.class)))
    @APIResponse(responseCode = "409", description = "The post is not in review (https://tribu.io/problems/wrong-status)")
    public Uni<ClientView.ClientPost> decideThroughApprovalLink(@Parameter(description = "The link's token") @PathParam("token") String token,
                                             @PathParam("postId") UUID postId,
                                             @Valid @NotNull ClientDecision decision) {
        return links.decide(token, postId, decision.action(), decision.comment()).map(ClientView.ClientPost::of);
    }
}
