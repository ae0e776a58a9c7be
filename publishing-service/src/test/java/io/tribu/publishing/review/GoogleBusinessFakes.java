package io.tribu.publishing.review;

import io.restassured.http.ContentType;
import io.tribu.platform.testing.TestTokens;
import io.tribu.publishing.network.fake.FakeGoogleBusiness;
import io.tribu.publishing.network.fake.FakeYoutube;

import java.util.Map;

import static io.restassured.RestAssured.given;

/**
 * Google's side of the reviews tests: the Business Profile fake and Google's OAuth token endpoint (served by the YouTube
 * fake: one host for every Google API), on the ports the service is configured with. A test class opens them before
 * all its tests and closes them after.
 */
public final class GoogleBusinessFakes implements AutoCloseable {

    public final FakeGoogleBusiness google = FakeGoogleBusiness.forTheService();
    public final FakeYoutube oauth = FakeYoutube.forTheService();

    /** Connects the location to the brand as a community manager of the agency; returns the channel's id in Tribu. */
    public static String connect(String tenant, String brand, String location, String accessToken) {
        return given().auth().oauth2(TestTokens.token(tenant, "community-manager", brand)).contentType(ContentType.JSON)
                .body(Map.of("network", "google_business", "handle", location, "credentials", Map.of("accessToken", accessToken,
                        "refreshToken", FakeYoutube.REFRESH_TOKEN, "clientId", FakeYoutube.CLIENT_ID, "clientSecret", FakeYoutube.CLIENT_SECRET)))
                .when().post("/brands/" + brand + "/channels").then().statusCode(201).extract().path("id");
    }

    @Override
    public void close() {
        google.close();
        oauth.close();
    }
}
