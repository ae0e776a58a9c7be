package io.tribu.listening.alert;

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
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;
import io.tribu.platform.problem.Problems;

@Path("/brands/{brandId}/alerts")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Alerts", description = "Keyword and negative-spike rules that raise (and retract) alerts, delivered as events and signed webhooks")
@SecurityRequirement(name = "oidc")
public class AlertResource {

    private final Caller caller;
    private final AlertService alerts;
    private final Idempotency idempotency;

    public AlertResource(Caller caller, AlertService alerts, Idempotency idempotency) {
        this.caller = caller;
        this.alerts = alerts;
        this.idempotency = idempotency;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER})
    @Operation(summary = "Add an alert rule to the brand",
            description = "Each alert is a tribu.listening.alert.raised.v1 event and, when webhookUrl is set, a signed "
                    + "POST to it; the answer carries the webhook signing secret, shown only once (and again to a retry "
                    + "with the same Idempotency-Key and body, within 24 hours).")
    @APIResponse(responseCode = "201", description = "Added; Location is the rule",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AlertRuleView.class)))
    public Uni<Response> add(@PathParam("brandId") String brandId,
                             @Parameter(description = "Any unique value (a UUID): a retry with the same key and body answers the first answer again")
                             @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                             @Valid @NotNull AlertRuleRequest request, @Context UriInfo uriInfo) {
        String brand = caller.requireBrand(brandId);
        String tenant = caller.tenant();
        return idempotency.once(tenant, idempotencyKey, Map.of("brandId", brand, "rule", request), 201,
                (AlertRuleView view) -> uriInfo.getAbsolutePathBuilder().path(view.id().toString()).build(),
                () -> alerts.add(tenant, brand, request).map(AlertRuleView::created));
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST})
    @Operation(summary = "The brand's alert rules")
    public Uni<List<AlertRuleView>> list(@PathParam("brandId") String brandId) {
        String brand = caller.requireBrand(brandId);
        return alerts.rules(caller.tenant(), brand).map(rules -> rules.stream().map(AlertRuleView::of).toList());
    }

    @DELETE
    @Path("/{ruleId}")
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER})
    @Operation(summary = "Remove an alert rule and its alerts")
    @APIResponse(responseCode = "204", description = "Removed")
    public Uni<Response> remove(@PathParam("brandId") String brandId, @PathParam("ruleId") UUID ruleId) {
        String brand = caller.requireBrand(brandId);
        return alerts.remove(caller.tenant(), brand, ruleId).map(removed -> {
            if (!removed) {
                throw NotFoundProblems.of("Alert rule " + ruleId + " not found");
            }
            return Response.noContent().build();
        });
    }

    @GET
    @Path("/raised")
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST})
    @Operation(summary = "The brand's latest alerts, newest first, with their webhook delivery",
            description = "With ruleId: the history of the alerts one rule raised (a rule of another brand or agency "
                    + "has none here).")
    public Uni<List<AlertView>> raised(@PathParam("brandId") String brandId,
                                       @Parameter(description = "only the alerts of this rule")
                                       @QueryParam("ruleId") String ruleId,
                                       @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        String brand = caller.requireBrand(brandId);
        return alerts.raised(caller.tenant(), brand, ruleId(ruleId), limit)
                .map(list -> list.stream().map(AlertView::of).toList());
    }

    private static UUID ruleId(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw Problems.invalidParameter("ruleId", "must be the id (UUID) of one of the brand's alert rules");
        }
    }
}
