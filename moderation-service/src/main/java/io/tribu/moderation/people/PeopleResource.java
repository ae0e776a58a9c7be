package io.tribu.moderation.people;

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

import java.util.List;

@Path("/agency/people")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Agency", description = "The caller's agency across its brands: its people, what waits in each brand's inbox")
@SecurityRequirement(name = "oidc")
public class PeopleResource {

    private final Caller caller;
    private final People people;

    public PeopleResource(Caller caller, People people) {
        this.caller = caller;
        this.people = people;
    }

    /** The people of the caller's agency, never another agency's. */
    public record PeoplePage(List<PersonView> people) {
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST})
    @Operation(summary = "The people of the caller's agency, to assign items to",
            description = "Everyone of the agency who has called moderation (the console does at sign-in), as their token "
                    + "last described them, by user name. Someone who never signed in is not listed yet, and an assignment "
                    + "to them answers 400 naming assignee.")
    public Uni<PeoplePage> list() {
        return people.of(caller.tenant()).map(PeoplePage::new);
    }
}
