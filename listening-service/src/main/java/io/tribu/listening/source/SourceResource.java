package io.tribu.listening.source;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.tribu.platform.access.Caller;
import io.tribu.platform.access.Roles;
import io.tribu.platform.idempotency.Idempotency;
import io.tribu.platform.problem.WriteRetry;
import jakarta.ws.rs.HeaderParam;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import java.util.Map;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

@Path("/brands/{brandId}/sources")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sources", description = "Where mentions come from: feeds, Mastodon, Bluesky and signed webhooks")
@SecurityRequirement(name = "oidc")
public class SourceResource {

    private final Caller caller;
    private final SourceService sources;
    private final Idempotency idempotency;
    private final WriteRetry writes;

    public SourceResource(Caller caller, SourceService sources, Idempotency idempotency, WriteRetry writes) {
        this.caller = caller;
        this.sources = sources;
        this.idempotency = idempotency;
        this.writes = writes;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER})
    @Operation(summary = "Listen to a new source for the brand",
            description = "rss: the URL must be public, internal addresses are refused (400); polling starts at once. "
                    + "webhook: the answer carries the path to deliver to and the signing secret, shown only once "
                    + "(and again to a retry with the same Idempotency-Key and body, within 24 hours).")
    @APIResponse(responseCode = "201", description = "Listening; Location is the source",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SourceView.class)))
    public Uni<Response> add(@PathParam("brandId") String brandId,
                             @Parameter(description = "Any unique value (a UUID): a retry with the same key and body answers the first answer again")
                             @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                             @Valid @NotNull SourceRequest request, @Context UriInfo uriInfo) {
        String brand = caller.requireBrand(brandId);
        String tenant = caller.tenant();
        return idempotency.once(tenant, idempotencyKey, Map.of("brandId", brand, "source", request), 201,
                (SourceView view) -> uriInfo.getAbsolutePathBuilder().path(view.id().toString()).build(),
                () -> sources.add(tenant, brand, request).map(SourceView::created));
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST})
    @Operation(summary = "The brand's sources, with how their last poll went")
    public Uni<List<SourceView>> list(@PathParam("brandId") String brandId) {
        String brand = caller.requireBrand(brandId);
        return sources.list(caller.tenant(), brand).map(list -> list.stream().map(SourceView::of).toList());
    }

    @GET
    @Path("/{sourceId}")
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST})
    @Operation(summary = "One source")
    public Uni<SourceView> get(@PathParam("brandId") String brandId, @PathParam("sourceId") UUID sourceId) {
        String brand = caller.requireBrand(brandId);
        return sources.find(caller.tenant(), brand, sourceId).map(SourceView::of);
    }

    @POST
    @Path("/{sourceId}/pause")
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER})
    @Operation(summary = "Pause a source",
            description = "Stops polling and streaming it (enabled becomes false); a paused webhook source refuses "
                    + "deliveries like an unknown one. Its mentions stay. Pausing a paused source changes nothing.")
    @APIResponse(responseCode = "200", description = "Paused",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SourceView.class)))
    public Uni<SourceView> pause(@PathParam("brandId") String brandId, @PathParam("sourceId") UUID sourceId) {
        String brand = caller.requireBrand(brandId);
        return sources.listen(caller.tenant(), brand, sourceId, false).map(SourceView::of);
    }

    @POST
    @Path("/{sourceId}/resume")
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER})
    @Operation(summary = "Resume a paused source",
            description = "Listens again (enabled becomes true): a polled source is polled at once, from its cursor, so "
                    + "what was published while it was paused is read if the source still lists it.")
    @APIResponse(responseCode = "200", description = "Listening again",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SourceView.class)))
    public Uni<SourceView> resume(@PathParam("brandId") String brandId, @PathParam("sourceId") UUID sourceId) {
        String brand = caller.requireBrand(brandId);
        return sources.listen(caller.tenant(), brand, sourceId, true).map(SourceView::of);
    }

    @DELETE
    @Path("/{sourceId}")
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER})
    @Operation(summary = "Stop listening to a source (its mentions stay)")
    @APIResponse(responseCode = "204", description = "Removed")
    public Uni<Response> remove(@PathParam("brandId") String brandId, @PathParam("sourceId") UUID sourceId) {
        String brand = caller.requireBrand(brandId);
        String tenant = caller.tenant();
        // A poll of this source may hold its row while the delete waits on the source's mentions: PostgreSQL
        // breaks such a deadlock by failing one side, and the delete is taken again in a new transaction.
        return writes.write(() -> sources.remove(tenant, brand, sourceId))
                .replaceWith(Response.noContent().build());
    }
}
