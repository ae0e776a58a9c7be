package io.tribu.platform.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ComposedExamplesTest {

    private static Schema of(Schema.SchemaType type) {
        return OASFactory.createSchema().type(List.of(type));
    }

    @Test
    void aBodyWithoutExampleGetsOneFromItsPropertiesAndADeclaredOneIsKept() {
        Schema mention = of(Schema.SchemaType.OBJECT)
                .addProperty("id", of(Schema.SchemaType.STRING).format("uuid"))
                .addProperty("source", of(Schema.SchemaType.STRING).examples(List.of("rss")))
                .addProperty("kind", of(Schema.SchemaType.STRING).enumeration(List.of("post", "comment")))
                .addProperty("publishedAt", of(Schema.SchemaType.STRING).format("date-time"))
                .addProperty("limit", of(Schema.SchemaType.INTEGER).minimum(BigDecimal.valueOf(5)))
                .addProperty("labels", of(Schema.SchemaType.ARRAY).items(OASFactory.createSchema().ref("#/components/schemas/Label")))
                .addProperty("parent", OASFactory.createSchema().ref("#/components/schemas/Mention"));
        Schema label = of(Schema.SchemaType.OBJECT).addProperty("score", of(Schema.SchemaType.NUMBER).examples(List.of(0.93)));
        OpenAPI openAPI = OASFactory.createOpenAPI()
                .components(OASFactory.createComponents().addSchema("Mention", mention).addSchema("Label", label))
                .paths(OASFactory.createPaths().addPathItem("/mentions", OASFactory.createPathItem().POST(OASFactory.createOperation()
                        .requestBody(OASFactory.createRequestBody().content(OASFactory.createContent()
                                .addMediaType("application/json", OASFactory.createMediaType().schema(OASFactory.createSchema().ref("#/components/schemas/Mention")))
                                .addMediaType("text/csv", OASFactory.createMediaType().schema(of(Schema.SchemaType.STRING)))))
                        .responses(OASFactory.createAPIResponses()
                                .addAPIResponse("201", OASFactory.createAPIResponse().content(OASFactory.createContent()
                                        .addMediaType("application/json", OASFactory.createMediaType().schema(of(Schema.SchemaType.OBJECT))
                                                .example(Map.of("declared", true)))))
                                .addAPIResponse("400", OASFactory.createAPIResponse().content(OASFactory.createContent()
                                        .addMediaType("application/problem+json", OASFactory.createMediaType().schema(of(Schema.SchemaType.OBJECT)))))))));

        ComposedExamples.compose(openAPI);

        var operation = openAPI.getPaths().getPathItem("/mentions").getPOST();
        Object composed = operation.getRequestBody().getContent().getMediaType("application/json").getExample();
        assertEquals("{id=0193a0b2-7c1d-7e3f-8a9b-0c1d2e3f4a5b, source=rss, kind=post, publishedAt=2026-11-20T10:00:00Z, "
                + "limit=5, labels=[{score=0.93}], parent=null}", String.valueOf(composed), "a schema that refers to itself stops");
        assertEquals(null, operation.getRequestBody().getContent().getMediaType("text/csv").getExample(), "only JSON is composed");
        assertEquals(Map.of("declared", true), operation.getResponses().getAPIResponse("201").getContent()
                .getMediaType("application/json").getExample());
        assertEquals(null, operation.getResponses().getAPIResponse("400").getContent()
                .getMediaType("application/problem+json").getExample(), "problems keep their shared examples");
    }
}
