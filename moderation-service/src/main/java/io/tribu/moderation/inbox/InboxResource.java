package io.tribu.moderation.inbox;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.tribu.moderation.classify.Classification;
import io.tribu.platform.access.Caller;
import io.tribu.platform.access.Roles;
import io.tribu.moderation.problem.QueryValues;
import io.tribu.platform.idempotency.Idempotency;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Map;
import java.util.UUID;

@Path("/brands/{brandId}/inbox")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Inbox", description = "Comments and messages on the brand's own channels, their classifier labels, decisions and network outcomes")
@SecurityRequirement(name = "oidc")
public class InboxResource {

    private final Caller caller;
    private final InboxService inbox;
    private final Idempotency idempotency;

    public InboxResource(Caller caller, InboxService inbox, Idempotency idempotency) {
        this.caller = caller;
        this.inbox = inbox;
        this.idempotency = idempotency;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST})
    @Operation(summary = "Search the brand's inbox, newest first",
            description = "Filters combine; pass nextCursor back as cursor for the following page.")
    public Uni<InboxPage> search(@PathParam("brandId") String brandId,
                                 @Parameter(description = "Status of the items", schema = @Schema(type = SchemaType.STRING,
                                         enumeration = {"new", "assigned", "replied", "hidden", "deleted", "escalated", "closed", "withdrawn"}))
                                 @QueryParam("status") String status,
                                 @BeanParam InboxQuery query,
                                 @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") @Size(max = 200) String cursor,
                                 @Parameter(description = "Items per page", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                                         maximum = "200", defaultValue = "50"))
                                 @QueryParam("limit") String limit) {
        String brand = caller.requireBrand(brandId);
        int pageSize = QueryValues.integer("limit", limit, 50, 1, 200);
        return inbox.search(caller.tenant(), brand, query.filter(status), InboxCursor.decode(cursor), pageSize);
    }

    @GET
    @Path("/counts")
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST})
    @Operation(summary = "How many items are in each status, under the list's filters",
            description = "Takes the list's filters (all but status and paging): the counts of the tabs follow what the "
                    + "list shows. Every status is listed, zero included.")
    public Uni<Map<String, Long>> counts(@PathParam("brandId") String brandId, @BeanParam InboxQuery query) {
        String brand = caller.requireBrand(brandId);
        return inbox.countByStatus(caller.tenant(), brand, query.filter());
    }

    @GET
    @Path("/sources")
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST})
    @Operation(summary = "The channels the brand's items came from, with their counts",
            description = "Each distinct source (a network such as mastodon, facebook or instagram, or a generic "
                    + "webhook's name) with how many items it brought and how many are new: the choices of the list's "
                    + "source filter.")
    public Uni<List<InboxSource>> sources(@PathParam("brandId") String brandId) {
        String brand = caller.requireBrand(brandId);
        return inbox.sources(caller.tenant(), brand);
    }

    @GET
    @Path("/{itemId}/history")
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST})
    @Operation(summary = "Everything that happened to one item, oldest first",
            description = "Decisions (assignments included, by a person or a charter rule), edits and deletion at the "
                    + "source, the brand's replies seen on the network, and the outcome of each network action, each "
                    + "with who and when.")
    public Uni<ItemTimeline> history(@PathParam("brandId") String brandId, @PathParam("itemId") UUID itemId) {
        String brand = caller.requireBrand(brandId);
        return inbox.timeline(caller.tenant(), brand, itemId);
    }

    @GET
    @Path("/{itemId}")
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST})
    @Operation(summary = "One inbox item")
    public Uni<InboxItemView> get(@PathParam("brandId") String brandId, @PathParam("itemId") UUID itemId) {
        String brand = caller.requireBrand(brandId);
        return inbox.find(caller.tenant(), brand, itemId);
    }

    @POST
    @Path("/{itemId}/notes")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER})
    @Operation(summary = "Leave a note on an item for the other moderators",
            description = "Added to the item's history (kind note, with who and when); never sent to the network and "
                    + "changes neither the status nor the version. With an Idempotency-Key, a retried request adds nothing "
                    + "twice.")
    @APIResponse(responseCode = "201", description = "The note as it stands in the history",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ItemTimeline.Entry.class)))
    @APIResponse(responseCode = "409", description = "idempotency-key-in-progress: the same key is still being processed")
    @APIResponse(responseCode = "422", description = "idempotency-key-reused: the key was used for another request")
    public Uni<Response> note(@PathParam("brandId") String brandId, @PathParam("itemId") UUID itemId,
                              @Parameter(description = "Any unique value (a UUID): a retry with the same key and body "
                                      + "gets the first answer again (Idempotent-Replayed: true)")
                              @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                              @Valid @NotNull NoteRequest request) {
        String brand = caller.requireBrand(brandId);
        String tenant = caller.tenant();
        return idempotency.once(tenant, idempotencyKey, Map.of("brandId", brand, "itemId", itemId, "note", request), 201,
                (ItemTimeline.Entry entry) -> java.net.URI.create("/brands/" + brand + "/inbox/" + itemId + "/history"),
                () -> inbox.note(tenant, brand, itemId, caller.userName(), request));
    }

    @POST
    @Path("/{itemId}/decisions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER})
    @Operation(summary = "Decide on an inbox item (assign, escalate, close, reopen, approve, hide, delete, reply)",
            description = "Recorded in the audit trail and emitted as tribu.moderation.decision.recorded.v1. "
                    + "hide, delete and reply are asked of publishing (tribu.moderation.action.requested.v1): the item "
                    + "keeps its status, its networkAction says requested, and it becomes hidden, deleted or replied (its "
                    + "first response dated) once publishing reports the action done; failed leaves it as it was, with "
                    + "the reason. onNetwork false records one the moderator did by hand: the status changes at once. "
                    + "A stale expectedVersion answers 409: someone else decided first. With an Idempotency-Key, a "
                    + "retried request gets the first answer again and records nothing twice.")
    @APIResponse(responseCode = "200", description = "The item after the decision",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InboxItemView.class)))
    @APIResponse(responseCode = "409", description = "stale-version: someone else decided first (currentVersion); "
            + "withdrawn: the author deleted the interaction at its source (withdrawnAt); "
            + "or idempotency-key-in-progress: the same key is still being processed")
    @APIResponse(responseCode = "422", description = "idempotency-key-reused: the key was used for another request")
    public Uni<Response> decide(@PathParam("brandId") String brandId, @PathParam("itemId") UUID itemId,
                                @Parameter(description = "Any unique value (a UUID): a retry with the same key and body "
                                        + "gets the first answer again (Idempotent-Replayed: true)")
                                @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                                @Parameter(description = "Optional: the agent the caller decides through, named in the "
                                        + "audit trail (at most 200 characters); the console's MCP server sends its client's name",
                                        example = "MCP, client Claude")
                                @HeaderParam("X-Tribu-Agent") @Size(max = 200) String agent,
                                @Valid @NotNull DecisionRequest request) {
        String brand = caller.requireBrand(brandId);
        String tenant = caller.tenant();
        return idempotency.once(tenant, idempotencyKey, Map.of("brandId", brand, "itemId", itemId, "decision", request),
                200, null, () -> inbox.decide(tenant, brand, itemId, caller.userName(), agent, request));
    }
}
