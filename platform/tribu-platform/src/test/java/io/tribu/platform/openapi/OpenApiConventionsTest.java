package io.tribu.platform.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

class OpenApiConventionsTest {

    @Test
    void oneWordMethodsTakeTheirResourcesNounAndDescriptiveOnesKeepTheirName() {
        assertEquals("listCampaigns", OpenApiConventions.operationId("CampaignResource_list", false));
        assertEquals("getCampaign", OpenApiConventions.operationId("CampaignResource_get", false));
        assertEquals("listQueries", OpenApiConventions.operationId("QueryResource_list", false));
        assertEquals("searchMatches", OpenApiConventions.operationId("MatchResource_search", false));
        assertEquals("revokeFeedToken", OpenApiConventions.operationId("CalendarResource_revokeFeedToken", false));
        assertEquals("rotateCredentialRotation", OpenApiConventions.operationId("CredentialRotation_rotate", false));
        assertEquals("listDays", OpenApiConventions.operationId("DayResource_list", false));
        assertEquals("plain", OpenApiConventions.operationId("plain", false));
    }

    @Test
    void aGetNamedByWhatItReadsBecomesGetAndTheNoun() {
        assertEquals("getCrisis", OpenApiConventions.operationId("CrisisResource_crisis", true));
        assertEquals("getMentionVolume", OpenApiConventions.operationId("MentionVolumeResource_volume", true));
        assertEquals("getAuthors", OpenApiConventions.operationId("AuthorResource_authors", true));
        assertEquals("getEngagementSeries", OpenApiConventions.operationId("EngagementResource_series", true));
        assertEquals("listCampaigns", OpenApiConventions.operationId("CampaignResource_list", true));
        assertEquals("getCampaign", OpenApiConventions.operationId("CampaignResource_get", true));
    }

    /** What made OpenAPI Generator warn, rename models (LocalDate) or write a client that did not compile (JsonNode). */
    @Test
    void scalarComponentsAreWrittenInPlaceAndATypeBesideAReferenceGoes() {
        Schema instant = OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).format("date-time");
        Schema item = OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .addProperty("at", OASFactory.createSchema().ref("Instant").type(List.of(Schema.SchemaType.STRING)).description("when"))
                .addProperty("until", OASFactory.createSchema().ref("Instant").type(List.of(Schema.SchemaType.STRING, Schema.SchemaType.NULL)))
                .addProperty("next", OASFactory.createSchema().ref("Item").type(List.of(Schema.SchemaType.OBJECT)));
        OpenAPI openAPI = OASFactory.createOpenAPI()
                .components(OASFactory.createComponents().addSchema("Instant", instant).addSchema("Item", item))
                .paths(OASFactory.createPaths().addPathItem("/items", OASFactory.createPathItem().GET(OASFactory.createOperation()
                        .responses(OASFactory.createAPIResponses().addAPIResponse("200", OASFactory.createAPIResponse()
                                .content(OASFactory.createContent().addMediaType("application/json",
                                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Item")))))))));

        new OpenApiConventions().filterOpenAPI(openAPI);

        Schema at = item.getProperties().get("at");
        assertNull(at.getRef());
        assertEquals(List.of(Schema.SchemaType.STRING), at.getType());
        assertEquals("date-time", at.getFormat());
        assertEquals("when", at.getDescription());
        assertEquals(List.of(Schema.SchemaType.STRING, Schema.SchemaType.NULL), item.getProperties().get("until").getType());
        assertEquals("#/components/schemas/Item", item.getProperties().get("next").getRef());
        assertNull(item.getProperties().get("next").getType());
        assertFalse(openAPI.getComponents().getSchemas().containsKey("Instant"));
    }
}
