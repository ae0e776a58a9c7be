package io.tribu.moderation.inbox;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.tribu.moderation.access.Caller;
import io.tribu.moderation.access.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/agency/inbox-summary")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Agency")
@SecurityRequirement(name = "oidc")
public class InboxSummaryResource {

    private final Caller caller;
    private final InboxService inbox;

    public InboxSummaryResource(Caller caller, InboxService inbox) {
        this.caller = caller;
        this.inbox = inbox;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST})
    @Operation(summary = "What waits in each brand's inbox now, for every brand of the caller",
            description = "One row per brand of the token (zeros included), by brand id: new items, open items (new, "
                    + "assigned or escalated) and SLA breaches now (open items past their first-response target and "
                    + "still unanswered). One query for all brands.")
    public Uni<InboxSummary> summary() {
        return inbox.summary(caller.tenant(), caller.brands());
    }
}
