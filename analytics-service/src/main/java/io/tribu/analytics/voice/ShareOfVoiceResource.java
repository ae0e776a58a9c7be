package io.tribu.analytics.voice;

import io.tribu.analytics.csv.CsvWriter;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.tribu.analytics.period.PeriodParameters;
import io.tribu.platform.access.Caller;
import io.tribu.platform.access.Roles;
import io.tribu.analytics.brand.BrandNameService;
import io.tribu.analytics.period.ReportingPeriod;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
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
import io.tribu.analytics.api.AnalyticsApi;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/brands/{brandId}/share-of-voice")
@Authenticated
@Produces({MediaType.APPLICATION_JSON, CsvWriter.TEXT_CSV})
@Tag(name = "Share of voice", description = "The brand's share of mentions against its competitors")
@SecurityRequirement(name = "oidc")
@APIResponse(responseCode = "400", ref = AnalyticsApi.BAD_REQUEST)
@APIResponse(responseCode = "401", ref = AnalyticsApi.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = AnalyticsApi.FORBIDDEN)
@APIResponse(responseCode = "404", ref = AnalyticsApi.NOT_FOUND)
@APIResponse(responseCode = "406", ref = AnalyticsApi.NOT_ACCEPTABLE)
@APIResponse(responseCode = "503", ref = AnalyticsApi.UNAVAILABLE)
public class ShareOfVoiceResource {

    private final Caller caller;
    private final ShareOfVoiceService voices;
    private final BrandNameService names;
    private final Clock clock;

    public ShareOfVoiceResource(Caller caller, ShareOfVoiceService voices, BrandNameService names, Clock clock) {
        this.caller = caller;
        this.voices = voices;
        this.names = names;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST})
    @APIResponse(responseCode = "200", description = "The measure, as JSON or CSV (`Accept: text/csv` or `format=csv`)")
    @Operation(summary = "The brand against the competitors its listening queries track",
            description = "Mentions, positive and negative mentions of the brand and of each competitor, with each "
                    + "party's share of all parties' mentions (resp. positive, negative ones). The brand is named by the "
                    + "name set with PUT /brands/{brandId}/name, else its id; a competitor by listening's query.")
    public Uni<ShareOfVoiceView> shareOfVoice(
            @PathParam("brandId") String brandId,
            @BeanParam PeriodParameters dates) {
        String brand = caller.requireBrand(brandId);
        ReportingPeriod period = dates.period(clock.instant());
        String tenant = caller.tenant();
        return names.displayName(tenant, brand)
                .chain(name -> voices.voices(tenant, brand, name, period))
                .map(list -> new ShareOfVoiceView(brand, period.from(), period.to(), list));
    }
}
