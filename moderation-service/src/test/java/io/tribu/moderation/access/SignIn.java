package io.tribu.moderation.access;

import static io.restassured.RestAssured.given;

/** Makes someone known to moderation the way the console does: they call it once, signed in. */
public final class SignIn {

    private SignIn() {
    }

    public static void as(String tenant, String userName) {
        given().auth().oauth2(TestTokens.person(tenant, userName, "community-manager"))
                .when().get("/agency/people").then().statusCode(200);
    }
}
