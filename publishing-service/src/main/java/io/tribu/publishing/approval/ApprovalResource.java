package io.tribu.publishing.approval;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.tribu.platform.access.Caller;
import io.tribu.platform.access.Roles;
import io.tribu.publishing.post.PostHistory;
import io.tribu.publishing.post.PostView;
import io.tribu.publishing.queue.QueueService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

@Path("/brands/{brandId}/posts/{postId}")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Approvals", description = "Submit, approve or request changes on a post, with its history")
@SecurityRequirement(name = "oidc")
public class ApprovalResource {

    private final Caller caller;
    private final ApprovalService approvals;
    private final QueueService queues;

    public ApprovalResource(Caller caller, ApprovalService approvals, QueueService queues) {
        this.caller = caller;
        this.approvals = approvals;
        this.queues = queues;
    }

    @POST
    @Path("/transitions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER, Roles.CLIENT_APPROVER})
    @Operation(summary = "Move the post along the approval workflow",
            description = "submit (draft -> in-review; admin, community-manager), approve (in-review -> approved; "
                    + "admin, client-approver), request-changes (in-review -> draft, comment required; admin, "
                    + "client-approver), schedule (approved -> scheduled, plannedAt in the future; admin, "
                    + "community-manager; with slot next or best, plannedAt becomes the channel's next free queue "
                    + "slot or analytics' best free slot), unschedule (scheduled -> approved). A move from the "
                    + "wrong status answers 409.")
    @APIResponse(responseCode = "200", description = "The post in its new status",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PostView.class)))
    @APIResponse(responseCode = "409", description = "The post is not in the status the move starts from, someone moved it first, scheduling needs a channel per network or a free queue slot (https://tribu.io/problems/wrong-status)")
    public Uni<PostView> transition(@PathParam("brandId") String brandId, @PathParam("postId") UUID postId,
                                    @Valid @NotNull TransitionRequest request) {
        String brand = caller.requireBrand(brandId);
        if (request.slot() != null) {
            return queues.schedule(caller.tenant(), brand, postId, caller.userName(), caller.roles(), request,
                    caller.rawToken()).map(PostView::of);
        }
        return approvals.apply(caller.tenant(), brand, postId, caller.userName(), caller.roles(), request)
                .map(PostView::of);
    }

    @POST
    @Path("/comments")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER, Roles.CLIENT_APPROVER})
    @Operation(summary = "Comment on a post (kept in its history)")
    @APIResponse(responseCode = "201", description = "Kept in the post's history")
    public Uni<Response> comment(@PathParam("brandId") String brandId, @PathParam("postId") UUID postId,
                                 @Valid @NotNull CommentRequest request) {
        String brand = caller.requireBrand(brandId);
        return approvals.comment(caller.tenant(), brand, postId, caller.userName(), request.text())
                .replaceWith(Response.status(Response.Status.CREATED).build());
    }

    @GET
    @Path("/history")
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST, Roles.CLIENT_APPROVER})
    @Operation(summary = "The post's history: creation, transitions, edits and comments, oldest first")
    @APIResponse(responseCode = "200", description = "The lines of the history, oldest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = PostHistory.Line.class)))
    public Uni<List<PostHistory.Line>> history(@PathParam("brandId") String brandId,
                                               @PathParam("postId") UUID postId) {
        String brand = caller.requireBrand(brandId);
        return approvals.history(caller.tenant(), brand, postId);
    }
}
