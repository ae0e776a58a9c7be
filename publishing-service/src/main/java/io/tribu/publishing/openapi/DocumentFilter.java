package io.tribu.publishing.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * What the generated OpenAPI document lacks: the problem answers of every operation, and body types written in place.
 * Runs before the platform's conventions (higher priority first), which then drop the schemas nothing reaches.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD, priority = 100)
public class DocumentFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        ProblemResponses.addTo(openAPI);
        NestedTypes.inlineInRequestBodies(openAPI);
    }
}
