package io.tribu.analytics.csv;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import java.util.List;

/** Documents {@link CsvFormatFilter}'s {@code format} parameter on every operation that answers CSV. */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class CsvFormatDocumentation implements OASFilter {

    @Override
    public Operation filterOperation(Operation operation) {
        APIResponse ok = operation.getResponses() == null ? null : operation.getResponses().getAPIResponse("200");
        if (ok == null || ok.getContent() == null || !ok.getContent().hasMediaType(CsvWriter.TEXT_CSV)) {
            return operation;
        }
        operation.addParameter(OASFactory.createParameter()
                .name("format").in(Parameter.In.QUERY)
                .description("`csv` answers CSV like `Accept: text/csv` (for links a browser follows), `json` JSON")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).enumeration(List.of("csv", "json"))));
        return operation;
    }
}
