package io.tribu.publishing.openapi;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/** What the generated OpenAPI document lacks: the problem answers of every operation, and body types written in place. */
public class DocumentFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        ProblemResponses.addTo(openAPI);
        NestedTypes.inlineInRequestBodies(openAPI);
    }
}
