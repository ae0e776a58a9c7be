package io.tribu.analytics.report;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.tribu.analytics.period.PeriodParameters;
import io.tribu.platform.access.Caller;
import io.tribu.platform.access.Roles;
import io.tribu.analytics.period.Bucketing;
import io.tribu.analytics.period.ReportingPeriod;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import io.tribu.analytics.api.AnalyticsApi;
import io.tribu.platform.problem.Problems;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import io.tribu.analytics.period.ZoneParameter;

@Path("/brands/{brandId}/report")
@Authenticated
@Produces(MediaType.TEXT_HTML)
@Tag(name = "Report", description = "The period's report in HTML, for the brand's client")
@SecurityRequirement(name = "oidc")
@APIResponse(responseCode = "400", ref = AnalyticsApi.BAD_REQUEST)
@APIResponse(responseCode = "401", ref = AnalyticsApi.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = AnalyticsApi.FORBIDDEN)
@APIResponse(responseCode = "404", ref = AnalyticsApi.NOT_FOUND)
@APIResponse(responseCode = "406", ref = AnalyticsApi.NOT_ACCEPTABLE)
@APIResponse(responseCode = "503", ref = AnalyticsApi.UNAVAILABLE)
public class ReportResource {

    private final Caller caller;
    private final ReportService reports;
    private final Clock clock;

    public ReportResource(Caller caller, ReportService reports, Clock clock) {
        this.caller = caller;
        this.reports = reports;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST})
    @APIResponse(responseCode = "200", description = "The report (HTML)")
    @Operation(summary = "Printable brand report for a period (HTML with inline SVG charts, no script)",
            description = "Key figures, mentions per day by sentiment, share of voice, sentiment drivers, ambassadors, "
                    + "detractors, crisis episodes and the engagement of the posts published in the period (totals, "
                    + "most engaging posts, per channel). Labels in French or English (`lang`, else Accept-Language).")
    public Uni<String> report(@PathParam("brandId") String brandId,
                              @BeanParam PeriodParameters dates,
                              @Parameter(description = "Language of the labels (default: Accept-Language, else English)", example = "fr", schema = @Schema(type = SchemaType.STRING, enumeration = {"fr", "en"})) @QueryParam("lang") String lang,
                              @BeanParam ZoneParameter zone,
                              @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        String brand = caller.requireBrand(brandId);
        ReportingPeriod period = dates.period(clock.instant());
        Bucketing bucketing = zone.days();
        if (lang != null && !lang.equals("fr") && !lang.equals("en")) {
            throw Problems.invalidParameter("lang", "must be fr or en");
        }
        ReportLabels words = ReportLabels.of(lang, acceptLanguage);
        return reports.report(caller.tenant(), brand, period, bucketing).map(report -> HtmlReport.render(report, words));
    }
}
