package io.tribu.moderation.reply;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.tribu.moderation.access.Caller;
import io.tribu.moderation.access.Roles;
import io.tribu.platform.idempotency.Idempotency;
import io.tribu.platform.problem.Problems;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Path("/brands/{brandId}/saved-replies")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Saved replies", description = "Reply templates rendered for an inbox item")
@SecurityRequirement(name = "oidc")
public class SavedReplyResource {

    private final Caller caller;
    private final SavedReplyService replies;
    private final Idempotency idempotency;

    public SavedReplyResource(Caller caller, SavedReplyService replies, Idempotency idempotency) {
        this.caller = caller;
        this.replies = replies;
        this.idempotency = idempotency;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER})
    @Operation(summary = "Save a reply the brand reuses", description = "Variables: {{author}}, {{brand}}, {{agent}}; "
            + "any other placeholder is refused (400). With an Idempotency-Key, a retry gets the first answer again.")
    @APIResponse(responseCode = "201", description = "Saved; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SavedReplyView.class)))
    @APIResponse(responseCode = "409", description = "idempotency-key-in-progress: the same key is still being processed")
    @APIResponse(responseCode = "422", description = "idempotency-key-reused: the key was used for another request")
    public Uni<Response> add(@PathParam("brandId") String brandId,
                             @Parameter(description = "Any unique value (a UUID): a retry with the same key and body gets "
                                     + "the first answer again (Idempotent-Replayed: true)")
                             @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                             @Valid @NotNull SavedReplyRequest request) {
        String brand = caller.requireBrand(brandId);
        String tenant = caller.tenant();
        return idempotency.once(tenant, idempotencyKey, Map.of("brandId", brand, "reply", request), 201,
                (SavedReplyView view) -> URI.create("/brands/" + brand + "/saved-replies/" + view.id()),
                () -> replies.add(tenant, brand, request).map(SavedReplyView::of));
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST})
    @Operation(summary = "The brand's saved replies, by name")
    public Uni<List<SavedReplyView>> list(@PathParam("brandId") String brandId) {
        String brand = caller.requireBrand(brandId);
        return replies.list(caller.tenant(), brand).map(list -> list.stream().map(SavedReplyView::of).toList());
    }

    @PUT
    @Path("/{replyId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER})
    @Operation(summary = "Edit a saved reply in place",
            description = "Replaces its name, language and text. If-Match must carry the version the editor saw (the "
                    + "reply's version, also its ETag): if someone edited it since, 412 precondition-failed with "
                    + "currentVersion, and nothing changes. Answers the reply with its new version.")
    @APIResponse(responseCode = "200", description = "The reply after the edit; ETag is its new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SavedReplyView.class)))
    @APIResponse(responseCode = "412", description = "precondition-failed: edited by someone else since that version (currentVersion)")
    public Uni<Response> edit(@PathParam("brandId") String brandId, @PathParam("replyId") UUID replyId,
                              @Parameter(description = "The version being edited, e.g. \"3\"", required = true)
                              @HeaderParam("If-Match") String ifMatch,
                              @Valid @NotNull SavedReplyRequest request) {
        String brand = caller.requireBrand(brandId);
        long expected = SavedReplyProblems.expectedVersion(ifMatch);
        return replies.edit(caller.tenant(), brand, replyId, expected, request)
                .map(reply -> Response.ok(SavedReplyView.of(reply)).tag(new EntityTag(Long.toString(reply.version))).build());
    }

    @DELETE
    @Path("/{replyId}")
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER})
    @Operation(summary = "Delete a saved reply")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Uni<Response> remove(@PathParam("brandId") String brandId, @PathParam("replyId") UUID replyId) {
        String brand = caller.requireBrand(brandId);
        return replies.remove(caller.tenant(), brand, replyId).replaceWith(Response.noContent().build());
    }

    @GET
    @Path("/{replyId}/rendered")
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER})
    @Operation(summary = "The reply filled in for one inbox item (author, brand, the calling moderator)")
    public Uni<RenderedReply> render(@PathParam("brandId") String brandId, @PathParam("replyId") UUID replyId,
                                     @Parameter(description = "The inbox item to answer", required = true,
                                             schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                                     @QueryParam("itemId") String itemId) {
        String brand = caller.requireBrand(brandId);
        return replies.render(caller.tenant(), brand, replyId, uuid("itemId", itemId), caller.userName());
    }

    private static UUID uuid(String field, String value) {
        if (value == null) {
            throw Problems.invalidParameter(field, "is required");
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw Problems.invalidParameter(field, "must be a UUID");
        }
    }
}
