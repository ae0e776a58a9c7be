package io.tribu.publishing.channel;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.tribu.platform.access.Caller;
import io.tribu.platform.access.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Map;

/**
 * Key rotation: add the new key to tribu.credentials.keys, make it the active key, restart. Shortly
 * after startup every row sealed with an older key is re-sealed; an admin can also ask for it. Once
 * no row uses the old key (the answer says 0), it can leave the keyring.
 */
@Path("/admin/credentials/rotation")
@Authenticated
@Tag(name = "Channels", description = "The brand's accounts on the networks; credentials are write-only")
@SecurityRequirement(name = "oidc")
public class CredentialRotation {

    /** How many rows were re-sealed with the active key; 0 means the old key can leave the keyring. */
    public record RotationView(int resealed) {
    }

    private final ChannelService channels;
    private final Caller caller;

    public CredentialRotation(ChannelService channels, Caller caller) {
        this.channels = channels;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Re-seal the agency's channel credentials sealed with an older key")
    @APIResponse(responseCode = "200", description = "How many rows were re-sealed: {\"resealed\": n}",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RotationView.class)))
    public Uni<RotationView> rotateNow() {
        return channels.rotate(caller.tenant()).map(RotationView::new);
    }
}
