package io.tribu.platform.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProblemResponsesTest {

    @Test
    void aBearerCreationWithABodyAndAnIdempotencyKeyDocumentsEveryProblemItCanAnswer() {
        Operation create = operation("oidc").requestBody(OASFactory.createRequestBody())
                .addParameter(OASFactory.createParameter().name("Idempotency-Key").in(Parameter.In.HEADER));
        create.getResponses().addAPIResponse("409", OASFactory.createAPIResponse().description("The post is not approved"));

        OpenAPI document = filtered("/brands/{brandId}/posts", PathItem.HttpMethod.POST, create);

        assertEquals(Set.of("201", "400", "401", "403", "404", "406", "409", "413", "415", "422", "503"), create.getResponses().getAPIResponses().keySet());
        assertEquals("The post is not approved", create.getResponses().getAPIResponse("409").getDescription());
        for (String status : List.of("400", "401", "403", "404", "406", "409", "413", "415", "422", "503")) {
            assertEquals("Problem", schemaOf(create.getResponses().getAPIResponse(status)), status);
        }
        assertTrue(create.getResponses().getAPIResponse("503").getHeaders().containsKey("Retry-After"));
        assertEquals("Violation", document.getComponents().getSchemas().get("Problem").getProperties().get("violations").getItems().getRef()
                .replace("#/components/schemas/", ""));
        assertEquals(List.of(org.eclipse.microprofile.openapi.models.media.Schema.SchemaType.INTEGER),
                document.getComponents().getSchemas().get("Problem").getProperties().get("violationsOmitted").getType());
    }

    @Test
    void aSignedDeliveryAnswers401ButNo403AndAnOpenReadNeither() {
        Operation delivery = operation("sourceSignature").requestBody(OASFactory.createRequestBody());
        filtered("/webhooks/sources/{sourceId}", PathItem.HttpMethod.POST, delivery);
        Operation open = operation(null);
        filtered("/approval-links/{token}", PathItem.HttpMethod.GET, open);

        assertEquals(Set.of("201", "400", "401", "404", "406", "413", "415", "503"), delivery.getResponses().getAPIResponses().keySet());
        assertTrue(delivery.getResponses().getAPIResponse("401").getDescription().contains("https://tribu.io/problems/bad-signature"));
        assertEquals(Set.of("201", "404", "406", "503"), open.getResponses().getAPIResponses().keySet());
    }

    private static Operation operation(String scheme) {
        Operation operation = OASFactory.createOperation().responses(OASFactory.createAPIResponses()
                .addAPIResponse("201", OASFactory.createAPIResponse().description("Created")));
        return operation.security(List.of(scheme == null
                ? OASFactory.createSecurityRequirement() : OASFactory.createSecurityRequirement().addScheme(scheme)));
    }

    private static OpenAPI filtered(String path, PathItem.HttpMethod method, Operation operation) {
        PathItem item = OASFactory.createPathItem();
        item.setOperation(method, operation);
        OpenAPI document = OASFactory.createOpenAPI().paths(OASFactory.createPaths().addPathItem(path, item));
        new ProblemResponses().filterOpenAPI(document);
        return document;
    }

    private static String schemaOf(APIResponse response) {
        return response.getContent().getMediaType(ProblemResponses.PROBLEM_JSON).getSchema().getRef().replace("#/components/schemas/", "");
    }
}
