package io.tribu.publishing.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import io.tribu.platform.openapi.ProblemResponses;
import io.tribu.platform.problem.Problems;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;

import java.util.List;
import java.util.Map;

/**
 * What the generated OpenAPI document lacks: the problem answers of every operation (the platform's, plus the public
 * approval-link operations' 410 and 429, and the CSV import's row and line on a violation), and body types written in
 * place. Runs before the platform's conventions (higher priority first), which then drop the schemas nothing reaches.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD, priority = 100)
public class DocumentFilter implements OASFilter {

    /** The operations open without a token (client approval links): no 401 or 403, but 410 and 429. */
    static final String PUBLIC_PREFIX = "/approval-links/";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        new ProblemResponses().filterOpenAPI(openAPI);
        openAPI.getComponents().getSchemas().get("Violation")
                .addProperty("row", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER))
                        .description("CSV import only: the data row at fault (1 = the first row after the header)"))
                .addProperty("line", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER))
                        .description("CSV import only: the file's line where that row starts"));
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
                if (path.getKey().startsWith(PUBLIC_PREFIX)) {
                    path.getValue().getOperations().values().forEach(DocumentFilter::documentPublic);
                }
            }
        }
        NestedTypes.inlineInRequestBodies(openAPI);
    }

    private static void documentPublic(Operation operation) {
        ProblemResponses.problem(operation.getResponses(), "404", null).setDescription("No such approval link: unknown, "
                + "malformed, altered or signed with a retired key (" + Problems.NOT_FOUND + "), or a post the link does not show");
        ProblemResponses.problem(operation.getResponses(), "410",
                "The approval link expired or was revoked (https://tribu.io/problems/link-gone)");
        ProblemResponses.retryAfter(ProblemResponses.problem(operation.getResponses(), "429", "Too many requests from this "
                + "address to approval links (https://tribu.io/problems/too-many-requests); retry after Retry-After seconds"));
    }
}
