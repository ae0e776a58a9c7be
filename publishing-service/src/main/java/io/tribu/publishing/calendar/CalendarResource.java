package io.tribu.publishing.calendar;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.tribu.platform.json.StrictJson;
import io.tribu.platform.access.Caller;
import io.tribu.platform.access.Roles;
import io.tribu.platform.problem.Problems;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

@Path("/brands/{brandId}/calendar")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Calendar", description = "The brand's posts, campaigns and seasonal markers, per day of its time zone")
@SecurityRequirement(name = "oidc")
public class CalendarResource {

    static final int DEFAULT_LIMIT = 500;

    private final Caller caller;
    private final CalendarService calendars;
    private final CalendarFeeds feeds;

    public CalendarResource(Caller caller, CalendarService calendars, CalendarFeeds feeds) {
        this.caller = caller;
        this.calendars = calendars;
        this.feeds = feeds;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST, Roles.CLIENT_APPROVER})
    @Operation(summary = "The brand's calendar, per day of its time zone",
            description = "Posts planned in [from, to) grouped by local day, the campaigns overlapping the range "
                    + "and the seasonal markers (French and international) starting in it. from/to are dates "
                    + "(midnight in the zone) or instants; default: 31 days from today. Filters: campaign and tag "
                    + "(repeatable; a post matches any). Marker names in French or English (lang, else "
                    + "Accept-Language, else French).")
    @APIResponse(responseCode = "200", description = "Posts per local day, campaigns and seasonal markers",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CalendarView.class)))
    public Uni<CalendarView> calendar(
            @PathParam("brandId") String brandId,
            @Parameter(example = "2026-12-01") @QueryParam("from") String from,
            @Parameter(example = "2027-01-01") @QueryParam("to") String to,
            @Parameter(description = "IANA zone overriding the brand's", example = "America/Montreal")
            @QueryParam("tz") String tz,
            @Parameter(description = "Campaign id (repeatable)") @QueryParam("campaign") List<String> campaign,
            @Parameter(description = "Tag (repeatable)") @QueryParam("tag") List<String> tag,
            @Parameter(description = "fr or en", example = "en") @QueryParam("lang") String lang,
            @QueryParam("limit") @DefaultValue("500") @Min(1) @Max(2000) int limit,
            @Context HttpHeaders headers) {
        String brand = caller.requireBrand(brandId);
        CalendarService.Query query = new CalendarService.Query(from, to, tz, campaigns(campaign), tags(tag),
                language(lang, headers), limit);
        return calendars.calendar(caller.tenant(), brand, query);
    }

    /** The feed URL holding the token; the response is the only place the token ever appears. */
    public record FeedToken(String url, String token) {
    }

    @POST
    @Path("/feed-token")
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER})
    @Operation(summary = "Issue (or rotate) the brand's secret iCalendar feed URL",
            description = "Returns a URL of /brands/{brandId}/calendar.ics carrying a new unguessable token (256 bits) "
                    + "for calendar apps, which cannot send bearer tokens. The previous token stops working. Only "
                    + "the token's SHA-256 is stored.")
    @APIResponse(responseCode = "200", description = "The feed URL and its token, shown only here",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FeedToken.class)))
    public Uni<FeedToken> issueFeedToken(@PathParam("brandId") String brandId, @Context UriInfo uriInfo) {
        String brand = caller.requireBrand(brandId);
        return feeds.issueToken(caller.tenant(), brand).map(token -> new FeedToken(
                uriInfo.getBaseUriBuilder().path("brands").path(brand).path("calendar.ics")
                        .queryParam("token", token).build().toString(), token));
    }

    @DELETE
    @Path("/feed-token")
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER})
    @Operation(summary = "Revoke the brand's feed URL")
    @APIResponse(responseCode = "204", description = "The feed URL no longer opens")
    public Uni<Response> revokeFeedToken(@PathParam("brandId") String brandId) {
        String brand = caller.requireBrand(brandId);
        return feeds.revokeToken(caller.tenant(), brand).replaceWith(Response.noContent().build());
    }

    /** Tags filtered on: as many and as long as a post may carry (20, 50 characters each), and text that is text. */
    static List<String> tags(List<String> values) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > 20) {
            throw Problems.invalidParameter("tag", "at most 20 tags can be filtered on");
        }
        for (String tag : values) {
            String refusal = tag.length() > 50 ? "must be at most 50 characters, as tags are" : refusal(tag);
            if (refusal != null) {
                throw Problems.invalidParameter("tag", refusal);
            }
        }
        return List.copyOf(values);
    }

    /**
     * Why query text cannot be used, or null: NUL and unpaired surrogates as in bodies, and U+FFFD, which is
     * what bytes that are not UTF-8 decode to.
     */
    static String refusal(String text) {
        String refusal = StrictJson.refusal(text);
        if (refusal == null && text.indexOf('\uFFFD') >= 0) {
            return "must be UTF-8 text (it holds bytes that are not)";
        }
        return refusal;
    }

    static List<UUID> campaigns(List<String> values) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > 50) {
            throw Problems.invalidParameter("campaign", "at most 50 campaigns can be filtered on");
        }
        try {
            return values.stream().map(UUID::fromString).toList();
        } catch (IllegalArgumentException e) {
            throw Problems.invalidParameter("campaign", "must be a campaign id");
        }
    }

    /** {@code lang} (fr or en) first, then the first of fr/en in Accept-Language, else French. */
    static Locale language(String lang, HttpHeaders headers) {
        if (lang != null) {
            if (!lang.equals("fr") && !lang.equals("en")) {
                throw Problems.invalidParameter("lang", "must be fr or en");
            }
            return Locale.forLanguageTag(lang);
        }
        if (headers != null) {
            for (Locale accepted : headers.getAcceptableLanguages()) {
                if (accepted.getLanguage().equals("fr") || accepted.getLanguage().equals("en")) {
                    return Locale.forLanguageTag(accepted.getLanguage());
                }
            }
        }
        return Locale.FRENCH;
    }
}
