package io.tribu.listening.source;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.tribu.listening.access.Caller;
import io.tribu.listening.access.Roles;
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
@Tag(name = "Sources")
@SecurityRequirement(name = "oidc")
public class SourceResource {

    private final Caller caller;
    private final SourceService sources;

    public SourceResource(Caller caller, SourceService sources) {
        this.caller = caller;
        this.sources = sources;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER})
    @Operation(summary = "Listen to a new source for the brand",
            description = "rss: the URL must be public, internal addresses are refused (400); polling starts at once. "
                    + "webhook: the answer carries the path to deliver to and the signing secret, shown only once.")
    public Uni<Response> add(@PathParam("brandId") String brandId, @Valid @NotNull SourceRequest request,
                             @Context UriInfo uriInfo) {
        String brand = caller.requireBrand(brandId);
        return sources.add(caller.tenant(), brand, request)
                .map(source -> Response.created(uriInfo.getAbsolutePathBuilder().path(source.id.toString()).build())
                        .entity(SourceView.created(source)).build());
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

    @DELETE
    @Path("/{sourceId}")
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER})
    @Operation(summary = "Stop listening to a source (its mentions stay)")
    public Uni<Response> remove(@PathParam("brandId") String brandId, @PathParam("sourceId") UUID sourceId) {
        String brand = caller.requireBrand(brandId);
        return sources.remove(caller.tenant(), brand, sourceId).replaceWith(Response.noContent().build());
    }
}
