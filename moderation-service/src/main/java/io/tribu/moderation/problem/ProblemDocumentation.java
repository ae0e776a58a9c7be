package io.tribu.moderation.problem;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import io.tribu.platform.openapi.ProblemResponses;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * The platform's problem answers, run at build time before the platform's conventions drop the schemas nothing
 * reaches (as mp.openapi.filter it ran after them, and the problem library's HttpProblem schema, no longer used,
 * stayed in the document).
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD, priority = 100)
public class ProblemDocumentation implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        new ProblemResponses().filterOpenAPI(openAPI);
    }
}
