package io.tribu.analytics.voice;

import io.tribu.analytics.csv.CsvWriter;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.tribu.analytics.access.Caller;
import io.tribu.analytics.access.Roles;
import io.tribu.analytics.period.ReportingPeriod;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;

@Path("/brands/{brandId}/share-of-voice")
@Authenticated
@Produces({MediaType.APPLICATION_JSON, CsvWriter.TEXT_CSV})
@Tag(name = "Share of voice")
@SecurityRequirement(name = "oidc")
public class ShareOfVoiceResource {

    private final Caller caller;
    private final ShareOfVoiceService voices;
    private final Clock clock;

    public ShareOfVoiceResource(Caller caller, ShareOfVoiceService voices, Clock clock) {
        this.caller = caller;
        this.voices = voices;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST})
    @Operation(summary = "The brand against the competitors its listening queries track",
            description = "Mentions, positive and negative mentions of the brand and of each competitor, with each "
                    + "party's share of all parties' mentions (resp. positive, negative ones).")
    public Uni<ShareOfVoiceView> shareOfVoice(
            @PathParam("brandId") String brandId,
            @Parameter(example = "2026-11-01T00:00:00Z") @QueryParam("from") String from,
            @Parameter(example = "2026-12-01T00:00:00Z") @QueryParam("to") String to) {
        String brand = caller.requireBrand(brandId);
        ReportingPeriod period = ReportingPeriod.parse(from, to, clock.instant());
        return voices.voices(caller.tenant(), brand, brand, period)
                .map(list -> new ShareOfVoiceView(brand, period.from(), period.to(), list));
    }
}
