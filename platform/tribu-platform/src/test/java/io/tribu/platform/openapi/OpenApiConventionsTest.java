package io.tribu.platform.openapi;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
