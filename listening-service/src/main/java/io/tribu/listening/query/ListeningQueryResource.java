package io.tribu.listening.query;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.tribu.listening.access.Caller;
import io.tribu.listening.access.NotFoundProblems;
import io.tribu.listening.access.Roles;
import io.tribu.platform.idempotency.Idempotency;
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
import jakarta.ws.rs.PUT;
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

@Path("/brands/{brandId}/queries")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Listening queries", description = "Boolean keyword queries that decide which mentions belong to the brand")
@SecurityRequirement(name = "oidc")
public class ListeningQueryResource {

    private final Caller caller;
    private final ListeningQueryService queries;
    private final QuerySync sync;
    private final Idempotency idempotency;

    public ListeningQueryResource(Caller caller, ListeningQueryService queries, QuerySync sync, Idempotency idempotency) {
        this.caller = caller;
        this.queries = queries;
        this.sync = sync;
        this.idempotency = idempotency;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER})
    @Operation(summary = "Save a listening query of the brand",
            description = "A syntax error answers 400 with the 1-based position and what was expected.")
    @APIResponse(responseCode = "201", description = "Saved; Location is the query",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ListeningQueryView.class)))
    public Uni<Response> add(@PathParam("brandId") String brandId,
                             @Parameter(description = "Any unique value (a UUID): a retry with the same key and body answers the first answer again")
                             @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                             @Valid @NotNull ListeningQueryRequest request, @Context UriInfo uriInfo) {
        String brand = caller.requireBrand(brandId);
        String tenant = caller.tenant();
        return idempotency.once(tenant, idempotencyKey, Map.of("brandId", brand, "query", request), 201,
                (ListeningQueryView view) -> uriInfo.getAbsolutePathBuilder().path(view.id().toString()).build(),
                () -> queries.add(tenant, brand, request)
                        .invoke(sync::saved) // committed: matched from the next mention on
                        .map(ListeningQueryView::of));
    }

    @POST
    @Path("/validate")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST})
    @Operation(summary = "Check a query expression without saving it",
            description = "For an editor that checks while one types: 200 with valid true, or valid false and the "
                    + "error's position, offset, line, column and length (what to underline) and what was expected. "
                    + "Saving the same expression answers 400 with the same members.")
    @APIResponse(responseCode = "200", description = "Checked; nothing is saved",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = QueryCheck.class)))
    public QueryCheck validate(@PathParam("brandId") String brandId, @Valid @NotNull QueryCheckRequest request) {
        caller.requireBrand(brandId);
        return QueryCheck.of(request.query());
    }

    @GET
    @Path("/grammar")
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST})
    @Operation(summary = "The query language in short",
            description = "Operators, fields, precedence and examples, for an editor's help panel.")
    @APIResponse(responseCode = "200", description = "The grammar",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = QueryGrammar.class)))
    public QueryGrammar grammar(@PathParam("brandId") String brandId) {
        caller.requireBrand(brandId);
        return QueryGrammar.LANGUAGE;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST})
    @Operation(summary = "The brand's listening queries, oldest first")
    public Uni<List<ListeningQueryView>> list(@PathParam("brandId") String brandId) {
        String brand = caller.requireBrand(brandId);
        return queries.ofBrand(caller.tenant(), brand).map(list -> list.stream().map(ListeningQueryView::of).toList());
    }

    @GET
    @Path("/{queryId}")
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST})
    @Operation(summary = "One listening query")
    public Uni<ListeningQueryView> one(@PathParam("brandId") String brandId, @PathParam("queryId") UUID queryId) {
        String brand = caller.requireBrand(brandId);
        return queries.one(caller.tenant(), brand, queryId).map(query -> found(query, queryId));
    }

    @PUT
    @Path("/{queryId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER})
    @Operation(summary = "Replace a listening query")
    public Uni<ListeningQueryView> replace(@PathParam("brandId") String brandId, @PathParam("queryId") UUID queryId,
                                           @Valid @NotNull ListeningQueryRequest request) {
        String brand = caller.requireBrand(brandId);
        return queries.replace(caller.tenant(), brand, queryId, request)
                .invoke(query -> {
                    if (query != null) {
                        sync.saved(query);
                    }
                })
                .map(query -> found(query, queryId));
    }

    @DELETE
    @Path("/{queryId}")
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER})
    @Operation(summary = "Delete a listening query")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Uni<Response> remove(@PathParam("brandId") String brandId, @PathParam("queryId") UUID queryId) {
        String brand = caller.requireBrand(brandId);
        return queries.remove(caller.tenant(), brand, queryId).map(removed -> {
            if (!removed) {
                throw NotFoundProblems.of("Listening query " + queryId + " not found");
            }
            sync.removed(queryId);
            return Response.noContent().build();
        });
    }

    private static ListeningQueryView found(ListeningQuery query, UUID id) {
        if (query == null) {
            throw NotFoundProblems.of("Listening query " + id + " not found");
        }
        return ListeningQueryView.of(query);
    }
}
