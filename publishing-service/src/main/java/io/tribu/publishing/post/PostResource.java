package io.tribu.publishing.post;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.tribu.platform.idempotency.Idempotency;
import io.tribu.platform.access.Caller;
import io.tribu.platform.access.NotFoundProblems;
import io.tribu.platform.problem.Problems;
import io.tribu.platform.access.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

@Path("/brands/{brandId}/posts")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Posts", description = "The brand's editorial calendar: post drafts with one text per network")
@SecurityRequirement(name = "oidc")
public class PostResource {

    static final String PROBLEM_JSON = "application/problem+json";
    /** The agent a caller writes through (the console's MCP server names its client there). */
    static final String AGENT_HEADER = "X-Tribu-Agent";

    static final String DRAFT_EXAMPLE = """
            {"title": "Réveillon : chocolat chaud offert", "plannedAt": "2026-12-24T18:00:00Z", "tags": ["noel"],
             "variants": [
               {"network": "mastodon", "text": "Ce soir dans nos cafés, un chocolat chaud offert avec chaque bûche. Joyeux réveillon ! #noel"},
               {"network": "bluesky", "text": "Ce soir, chocolat chaud offert avec chaque bûche ☕🎄"}]}""";

    static final String CREATED_EXAMPLE = """
            {"id": "5c0e3f2a-9b1d-4e7a-8c6f-2d4b1a0e9f37", "brandId": "cafe-lumiere",
             "title": "Réveillon : chocolat chaud offert", "status": "draft", "plannedAt": "2026-12-24T18:00:00Z",
             "tags": ["noel"],
             "variants": [
               {"network": "mastodon", "text": "Ce soir dans nos cafés, un chocolat chaud offert avec chaque bûche. Joyeux réveillon ! #noel"},
               {"network": "bluesky", "text": "Ce soir, chocolat chaud offert avec chaque bûche ☕🎄"}],
             "createdBy": "camille", "createdAt": "2026-12-01T09:30:00Z"}""";

    static final String TOO_LONG_EXAMPLE = """
            {"status": 400, "title": "Bad Request", "instance": "/brands/cafe-lumiere/posts",
             "violations": [{"field": "variants[1].text", "in": "body",
                             "message": "bluesky allows at most 300 graphemes, this text has 312"}]}""";

    private final Caller caller;
    private final PostService posts;
    private final Clock clock;
    private final Idempotency idempotency;

    public PostResource(Caller caller, PostService posts, Clock clock, Idempotency idempotency) {
        this.caller = caller;
        this.posts = posts;
        this.clock = clock;
        this.idempotency = idempotency;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER})
    @Operation(summary = "Create a post draft",
            description = "Checks each variant against its network's limit (mastodon 500 characters, bluesky 300 "
                    + "graphemes, linkedin 3000 characters; one variant per network), stores the post as a draft "
                    + "and emits a tribu.publishing.post.created.v1 event. dryRun=true checks the same and stores nothing "
                    + "(200, the post as it would be, without id). X-Tribu-Agent names the agent the caller writes "
                    + "through (the console's MCP server sends it); it is kept on the post history's creation line.")
    @APIResponse(responseCode = "201", description = "The stored draft; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PostView.class),
                    example = CREATED_EXAMPLE))
    @APIResponse(responseCode = "200", description = "dryRun: the draft as it would be stored; nothing was stored",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PostView.class)))
    @APIResponse(responseCode = "400", description = "A field or a network rule is violated; each violation names its field",
            content = @Content(mediaType = PROBLEM_JSON,
                    examples = @ExampleObject(name = "bluesky text too long", value = TOO_LONG_EXAMPLE)))
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "The caller's role may not write posts")
    @APIResponse(responseCode = "404", description = "The brand is not one of the caller's")
    public Uni<Response> create(@PathParam("brandId") String brandId,
                                @Parameter(name = Idempotency.HEADER, in = ParameterIn.HEADER, description = "Optional: a retried request with "
                                        + "the same key and body answers the first answer again (Idempotent-Replayed: true) "
                                        + "instead of creating twice; 1 to 255 visible ASCII characters, kept 24 hours",
                                        example = "5c0e3f2a-9b1d-4e7a-8c6f-2d4b1a0e9f37")
                                @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                                @Parameter(name = AGENT_HEADER, in = ParameterIn.HEADER, description = "Optional: the agent "
                                        + "the caller writes through, kept in the post's history (at most 200 characters)",
                                        example = "MCP, client Claude")
                                @HeaderParam(AGENT_HEADER) @Size(max = 200) String agent,
                                @Parameter(description = "true: check the draft, store nothing (200); true or false",
                                        schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
                                @QueryParam("dryRun") String dryRun,
                                @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                        schema = @Schema(implementation = PostRequest.class),
                                        examples = @ExampleObject(name = "Christmas Eve", value = DRAFT_EXAMPLE)))
                                @Valid @NotNull PostRequest request,
                                @Context UriInfo uriInfo) {
        String brand = caller.requireBrand(brandId);
        String tenant = caller.tenant();
        String author = caller.userName();
        if (dryRun(dryRun)) {
            return posts.checkDraft(tenant, brand, author, NewPost.of(request))
                    .map(post -> Response.ok(PostView.of(post)).build());
        }
        return idempotency.once(tenant, idempotencyKey, Map.of("operation", "create post", "brandId", brand, "body", request),
                201, (PostView created) -> uriInfo.getAbsolutePathBuilder().path(created.id().toString()).build(),
                () -> posts.createDraft(tenant, brand, author, agent, NewPost.of(request)).map(PostView::of));
    }

    /** The {@code dryRun} query parameter: absent or false, or true; anything else is refused naming it. */
    private static boolean dryRun(String value) {
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw Problems.invalidParameter("dryRun", "must be true or false");
    }

    @PUT
    @Path("/{postId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER})
    @Operation(summary = "Edit a post",
            description = "Same rules as creation. Editing an approved post sends it back to review; a scheduled, "
                    + "publishing or published post cannot be edited (409).")
    @APIResponse(responseCode = "200", description = "The edited post",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PostView.class)))
    @APIResponse(responseCode = "409", description = "The post is scheduled, publishing or published (https://tribu.io/problems/wrong-status)")
    public Uni<PostView> edit(@PathParam("brandId") String brandId, @PathParam("postId") UUID postId,
                              @Valid @NotNull PostRequest request) {
        String brand = caller.requireBrand(brandId);
        return posts.edit(caller.tenant(), brand, postId, caller.userName(), NewPost.of(request)).map(PostView::of);
    }

    @GET
    @Path("/{postId}")
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST, Roles.CLIENT_APPROVER})
    @Operation(summary = "Read one post of the brand")
    @APIResponse(responseCode = "200", description = "The post",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PostView.class),
                    example = CREATED_EXAMPLE))
    @APIResponse(responseCode = "404", description = "No such post for this brand and agency, or the brand is not one of the caller's")
    public Uni<PostView> get(@PathParam("brandId") String brandId, @PathParam("postId") UUID postId) {
        String brand = caller.requireBrand(brandId);
        return posts.find(caller.tenant(), brand, postId)
                .onItem().ifNull().failWith(() -> NotFoundProblems.of("Post " + postId + " not found"))
                .map(PostView::of);
    }

    @GET
    @Path("/unscheduled")
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST, Roles.CLIENT_APPROVER})
    @Operation(summary = "The brand's unscheduled posts: no plannedAt yet, newest first",
            description = "Ideas and drafts written without a planned time (any status). They are never delivered: "
                    + "schedule needs a plannedAt in the future (set by an edit, or by schedule with a slot).")
    @APIResponse(responseCode = "200", description = "The posts without plannedAt",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UnscheduledView.class)))
    @APIResponse(responseCode = "404", description = "The brand is not one of the caller's")
    public Uni<UnscheduledView> unscheduled(
            @PathParam("brandId") String brandId,
            @Parameter(description = "At most this many posts", example = "200")
            @QueryParam("limit") @DefaultValue("200") @Min(1) @Max(500) int limit) {
        String brand = caller.requireBrand(brandId);
        return posts.unplanned(caller.tenant(), brand, limit)
                .map(found -> new UnscheduledView(brand, found.stream().map(PostView::of).toList()));
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER, Roles.ANALYST, Roles.CLIENT_APPROVER})
    @Operation(summary = "The brand's calendar: posts planned in a range, earliest first",
            description = "Posts whose plannedAt is in [from, to). Defaults to the 31 days from now; "
                    + "a range spans at most 400 days. Drafts without plannedAt are not listed.")
    @APIResponse(responseCode = "200", description = "The posts of the range",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CalendarView.class)))
    @APIResponse(responseCode = "400", description = "from or to is not an ISO-8601 instant, or from is not before to",
            content = @Content(mediaType = PROBLEM_JSON))
    @APIResponse(responseCode = "404", description = "The brand is not one of the caller's")
    public Uni<CalendarView> calendar(
            @PathParam("brandId") String brandId,
            @Parameter(description = "Start, inclusive (ISO-8601 instant)", example = "2026-12-01T00:00:00Z")
            @QueryParam("from") String fromParam,
            @Parameter(description = "End, exclusive (ISO-8601 instant)", example = "2027-01-01T00:00:00Z")
            @QueryParam("to") String toParam,
            @Parameter(description = "At most this many posts", example = "200")
            @QueryParam("limit") @DefaultValue("200") @Min(1) @Max(500) int limit) {
        String brand = caller.requireBrand(brandId);
        CalendarRange range = CalendarRange.parse(fromParam, toParam, clock.instant());
        return posts.planned(caller.tenant(), brand, range.from(), range.to(), limit)
                .map(found -> new CalendarView(brand, range.from(), range.to(),
                        found.stream().map(PostView::of).toList()));
    }
}
