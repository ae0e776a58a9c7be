package io.tribu.publishing.calendar;

import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.tribu.platform.access.Caller;
import io.tribu.platform.access.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

/** The iCalendar feed: opened by a bearer token, or by the brand's secret feed token for calendar apps. */
@Path("/brands/{brandId}/calendar.ics")
@SecurityScheme(securitySchemeName = "feedToken", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.QUERY,
        apiKeyName = "token", description = "The brand's calendar feed token (POST /brands/{brandId}/calendar/feed-token)")
@Tag(name = "Calendar", description = "The brand's posts, campaigns and seasonal markers, per day of its time zone")
public class CalendarFeedResource {

    static final String TEXT_CALENDAR = "text/calendar; charset=utf-8";
    /** A calendar app polls without a range: the month behind and the year ahead (within the 400-day cap). */
    static final int DAYS_BACK = 31;
    static final int DAYS_AHEAD = 365;
    private static final Set<String> READERS = Set.of(Roles.ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST,
            Roles.CLIENT_APPROVER);

    private final SecurityIdentity identity;
    private final Caller caller;
    private final CalendarFeeds feeds;
    private final Clock clock;

    public CalendarFeedResource(SecurityIdentity identity, Caller caller, CalendarFeeds feeds, Clock clock) {
        this.identity = identity;
        this.caller = caller;
        this.feeds = feeds;
        this.clock = clock;
    }

    @GET
    @PermitAll
    @SecurityRequirement(name = "oidc")
    @SecurityRequirement(name = "feedToken")
    @Produces(TEXT_CALENDAR)
    @Operation(summary = "The brand's calendar as iCalendar (RFC 5545)",
            description = "Posts (UID = post id, DTSTART in UTC) and seasonal markers (all-day events). Opened by a "
                    + "bearer token of one of the four roles, or by ?token= from POST /brands/{brandId}/calendar/feed-token. "
                    + "Default range: 31 days back, 365 ahead.")
    @APIResponse(responseCode = "200", description = "The calendar (RFC 5545)",
            content = @Content(mediaType = "text/calendar", schema = @Schema(implementation = String.class)))
    public Uni<Response> feed(@PathParam("brandId") String brandId,
                              @Parameter(description = "The brand's feed token") @QueryParam("token") String token,
                              @QueryParam("from") String from, @QueryParam("to") String to,
                              @QueryParam("tz") String tz, @QueryParam("lang") String lang,
                              @QueryParam("campaign") List<String> campaign, @QueryParam("tag") List<String> tag,
                              @Context HttpHeaders headers) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        CalendarService.Query query = new CalendarService.Query(
                from == null && to == null ? today.minusDays(DAYS_BACK).toString() : from,
                from == null && to == null ? today.plusDays(DAYS_AHEAD).toString() : to,
                tz, CalendarResource.campaigns(campaign), CalendarResource.tags(tag),
                CalendarResource.language(lang, headers), 2000);
        Uni<String> body;
        if (token != null && identity.isAnonymous()) {
            body = feeds.feedWithToken(brandId, token, query);
        } else if (identity.isAnonymous()) {
            throw HttpProblem.builder().withStatus(Response.Status.UNAUTHORIZED).withTitle("Unauthorized")
                    .withDetail("A bearer token or the brand's feed token is required").build();
        } else {
            if (identity.getRoles().stream().noneMatch(READERS::contains)) {
                throw HttpProblem.builder().withStatus(Response.Status.FORBIDDEN).withTitle("Forbidden")
                        .withDetail("The caller's role may not read the calendar").build();
            }
            String brand = caller.requireBrand(brandId);
            body = feeds.feed(caller.tenant(), brand, query);
        }
        return body.map(ics -> Response.ok(ics, TEXT_CALENDAR)
                .header("Content-Disposition", "inline; filename=\"" + brandId.replaceAll("[^A-Za-z0-9._-]", "_") + ".ics\"")
                .header("Cache-Control", "private, max-age=300")
                .build());
    }
}
