package io.tribu.listening.mention;

import java.util.List;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.tribu.listening.access.Caller;
import io.tribu.listening.access.NotFoundProblems;
import io.tribu.listening.access.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import jakarta.validation.constraints.Pattern;
import io.tribu.platform.json.StorableText;
import io.tribu.platform.json.StrictJson;
import io.tribu.platform.idempotency.Idempotency;
import io.tribu.platform.problem.Problems;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.HeaderParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import java.net.URI;
import java.util.Map;

@Path("/brands/{brandId}/mentions")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Mentions", description = "What is said about the brand: mentions recorded, searched, edited or withdrawn at their source")
@SecurityRequirement(name = "oidc")
public class MentionResource {

    private final Caller caller;
    private final MentionService mentions;
    private final Idempotency idempotency;
    private final MentionPreviews previews;

    public MentionResource(Caller caller, MentionService mentions, Idempotency idempotency, MentionPreviews previews) {
        this.caller = caller;
        this.mentions = mentions;
        this.idempotency = idempotency;
        this.previews = previews;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER})
    @Operation(summary = "Record a mention of the brand",
            description = "Stores the mention and emits a tribu.listening.mention.recorded.v1 event. A retry with the same "
                    + "Idempotency-Key and body answers the first answer again (Idempotent-Replayed: true); a mention whose "
                    + "source and externalId were recorded before answers 200 with that mention, and stores nothing.")
    @APIResponse(responseCode = "201", description = "Recorded; Location is the mention",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MentionView.class)))
    @APIResponse(responseCode = "200", description = "This source and externalId were recorded before: the mention stored then",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MentionView.class)))
    public Uni<Response> record(@PathParam("brandId") String brandId,
                                @Parameter(description = "Any unique value (a UUID): a retry with the same key and body "
                                        + "answers the first answer again") @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                                @Valid @NotNull MentionRequest request,
                                @Context UriInfo uriInfo) {
        String brand = caller.requireBrand(brandId);
        String tenant = caller.tenant();
        return idempotency.once(tenant, idempotencyKey, Map.of("brandId", brand, "mention", request), 201,
                        (MentionView view) -> location(uriInfo, view.id()),
                        () -> mentions.recordFromApi(tenant, brand, NewMention.of(request)).map(MentionView::of))
                .onFailure(MentionService.AlreadyRecorded.class).recoverWithItem(failure ->
                        Response.ok(MentionView.of(((MentionService.AlreadyRecorded) failure).mention()))
                                .location(location(uriInfo, ((MentionService.AlreadyRecorded) failure).mention().id)).build());
    }

    private static URI location(UriInfo uriInfo, UUID id) {
        return uriInfo.getAbsolutePathBuilder().path(id.toString()).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST})
    @Operation(summary = "Latest mentions of the brand, newest first, optionally from one source")
    public Uni<List<MentionView>> latest(@PathParam("brandId") String brandId,
                                                   @QueryParam("sourceId") UUID sourceId,
                                                   @QueryParam("limit") @DefaultValue("50")
                                                   @Min(1)
                                                   @Max(200) int limit) {
        String brand = caller.requireBrand(brandId);
        return mentions.latest(caller.tenant(), brand, sourceId, limit)
                .map(list -> list.stream().map(MentionView::of).toList());
    }

    @POST
    @Path("/preview")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST})
    @Operation(summary = "Preview what a query expression would have matched",
            description = "Runs an unsaved listening query over the brand's mentions of the last days (1 to 30) and "
                    + "answers how many it matches and the first of them, newest first; nothing is saved. Bounded: "
                    + "at most the newest tribu.queries.preview-max-mentions (10,000) mentions of the period are "
                    + "read, and complete is false when the period holds more. A syntax error answers 400 with the "
                    + "error's position, offset, line, column and length.")
    @APIResponse(responseCode = "200", description = "What the expression matches",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MentionPreview.class)))
    public Uni<MentionPreview> preview(@PathParam("brandId") String brandId,
                                      @Valid @NotNull MentionPreviewRequest request) {
        String brand = caller.requireBrand(brandId);
        return previews.preview(caller.tenant(), brand, request.query(),
                request.days() == null ? 7 : request.days(), request.limit() == null ? 20 : request.limit());
    }

    @GET
    @Path("/search")
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST})
    @Operation(summary = "Search the brand's mentions",
            description = "Filters combine. q is full-text in web-search syntax (words all required, \"exact phrase\", "
                    + "OR, -excluded), case and accents ignored. stories=true gives one row per story (its first "
                    + "mention). query=<listening query id> keeps the mentions that query matched when they were stored. "
                    + "Pass nextCursor back as cursor for the following page.")
    public Uni<MentionPage> search(@PathParam("brandId") String brandId,
                                   @QueryParam("q") @Size(max = 1000) @StorableText String text,
                                   @QueryParam("sentiment") @Pattern(regexp = "negative|neutral|positive",
                                           message = "must be negative, neutral or positive") String sentiment,
                                   @QueryParam("language") @Pattern(regexp = "[a-z]{2}",
                                           message = "must be an ISO 639-1 code such as fr or en") String language,
                                   @QueryParam("source") @Pattern(regexp = "[a-z0-9-]{1,32}",
                                           message = "must be 1 to 32 lowercase letters, digits or dashes") String source,
                                   @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date-time"))
                                   @QueryParam("from") String from,
                                   @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date-time"))
                                   @QueryParam("to") String to,
                                   @Parameter(schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
                                   @QueryParam("stories") @DefaultValue("false")
                                   @Pattern(regexp = "true|false", message = "must be true or false") String stories,
                                   @Parameter(description = "id of one of the brand's listening queries",
                                           schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                                   @QueryParam("query") String queryId,
                                   @QueryParam("cursor") String cursor,
                                   @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        String brand = caller.requireBrand(brandId);
        MentionFilter filter = new MentionFilter(text == null || text.isBlank() ? null : text, sentiment, language,
                source, instant("from", from), instant("to", to), Boolean.parseBoolean(stories), queryId(queryId));
        if (filter.from() != null && filter.to() != null && !filter.from().isBefore(filter.to())) {
            throw Problems.invalidParameter("to", "must be after from");
        }
        return mentions.search(caller.tenant(), brand, filter, MentionCursor.decode(cursor), limit);
    }

    private static UUID queryId(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw Problems.invalidParameter("query", "must be the id (UUID) of one of the brand's listening queries");
        }
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant instant;
        try {
            instant = Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw Problems.invalidParameter(name, "must be an ISO-8601 instant such as 2026-11-20T10:00:00Z");
        }
        if (!StrictJson.isStorable(instant)) {
            throw Problems.invalidParameter(name, "must be an instant between the years 0001 and 9999");
        }
        return instant;
    }

    @GET
    @Path("/{mentionId}")
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST})
    @Operation(summary = "Read one mention of the brand")
    public Uni<MentionView> get(@PathParam("brandId") String brandId, @PathParam("mentionId") UUID mentionId) {
        String brand = caller.requireBrand(brandId);
        return mentions.find(caller.tenant(), brand, mentionId)
                .onItem().ifNull().failWith(() -> NotFoundProblems.of("Mention " + mentionId + " not found"))
                .map(MentionView::of);
    }
}
