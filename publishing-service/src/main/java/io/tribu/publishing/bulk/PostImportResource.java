package io.tribu.publishing.bulk;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.tribu.platform.idempotency.Idempotency;
import io.tribu.platform.access.Caller;
import io.tribu.platform.access.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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

import java.util.HexFormat;
import java.util.List;
import java.util.Map;

@Path("/brands/{brandId}/posts/import")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Posts", description = "The brand's editorial calendar: post drafts with one text per network")
@SecurityRequirement(name = "oidc")
public class PostImportResource {

    static final String TEXT_CSV = "text/csv";
    static final String CSV_EXAMPLE = """
            title,plannedAt,tags,mastodon,bluesky,instagram,instagram.media
            Réveillon,2026-12-24T17:00:00Z,noel|soir,"Ce soir, chocolat chaud offert ☕ #noel",Chocolat chaud offert ce soir ☕🎄,Ce soir ☕,https://cdn.example/buche.jpg
            Bûche maison,,noel,Notre bûche maison est arrivée !,,,
            """;
    static final String REFUSED_EXAMPLE = """
            {"type": "https://tribu.io/problems/invalid-import", "status": 400, "title": "Bad Request",
             "detail": "1 of 2 rows cannot be imported; nothing was imported: fix them and send the whole file again",
             "violations": [{"row": 2, "line": 3, "field": "bluesky", "in": "body",
                             "message": "bluesky allows at most 300 graphemes, this text has 312"}]}""";

    private final Caller caller;
    private final PostImport importer;
    private final Idempotency idempotency;

    public PostImportResource(Caller caller, PostImport importer, Idempotency idempotency) {
        this.caller = caller;
        this.importer = importer;
        this.idempotency = idempotency;
    }

    @POST
    @Consumes(TEXT_CSV)
    @RolesAllowed({Roles.ADMIN, Roles.COMMUNITY_MANAGER})
    @Operation(summary = "Import drafts from a CSV file (all or nothing)",
            description = "Columns: title, plannedAt, tags (separated by |), campaignId, and per network its text "
                    + "(mastodon, bluesky, x, linkedin, facebook, instagram) and media (<network>.media, URLs separated by "
                    + "spaces); id and status (written by the export) are ignored. Each row is checked as POST /posts "
                    + "checks a draft; a file with any error imports nothing and every error names its row, line and "
                    + "column. At most 500 rows (else 413) and 2 MB.")
    @RequestBody(content = @Content(mediaType = TEXT_CSV, schema = @Schema(type = SchemaType.STRING),
            examples = @ExampleObject(name = "two drafts", value = CSV_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Every row stored as a draft: the post of each row",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PostImport.Imported.class)))
    @APIResponse(responseCode = "400", description = "Not UTF-8, not CSV, an unknown column, or rows breaking the rules: "
            + "nothing was imported (https://tribu.io/problems/invalid-import)",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(name = "a text too long", value = REFUSED_EXAMPLE)))
    @APIResponse(responseCode = "413", description = "More than 500 rows, or more than 2 MB")
    public Uni<Response> importDrafts(@PathParam("brandId") String brandId,
                                      @Parameter(name = Idempotency.HEADER, in = ParameterIn.HEADER,
                                              description = "Optional: a retry with the same key and file answers the first import again")
                                      @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                                      byte[] file) {
        String brand = caller.requireBrand(brandId);
        String tenant = caller.tenant();
        String author = caller.userName();
        List<PostImport.Row> rows = importer.read(file == null ? new byte[0] : file);
        // The file's digest stands for it in the key's request: the same key with another file is refused (422).
        String digest = HexFormat.of().formatHex(sha256(file == null ? new byte[0] : file));
        return idempotency.once(tenant, idempotencyKey, Map.of("operation", "import posts", "brandId", brand, "file", digest),
                201, null, () -> importer.store(tenant, brand, author, rows));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
