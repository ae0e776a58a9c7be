package io.tribu.moderation.webhook;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.tribu.platform.signature.TribuSignature;

import static io.restassured.RestAssured.given;

/** Signed Meta deliveries, as Meta sends them, for tests outside this package. */
public final class MetaDeliveries {

    public static final String APP_SECRET = WebhookChannelTest.APP_SECRET;

    private MetaDeliveries() {
    }

    public static Response deliver(String path, byte[] body) {
        return given().contentType(ContentType.JSON).header("X-Hub-Signature-256", "sha256=" + TribuSignature.hmacSha256Hex(APP_SECRET, body))
                .body(body).when().post(path);
    }
}
