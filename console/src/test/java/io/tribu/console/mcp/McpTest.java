package io.tribu.console.mcp;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.smallrye.jwt.build.Jwt;
import io.tribu.console.FakeServices;
import io.tribu.console.SignIn;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The MCP server as a client reaches it: streamable HTTP at /mcp, the user's bearer token checked (issuer, signature,
 * audience) and forwarded to the services with the client's name; the protected-resource metadata for OAuth
 * discovery. The services are the local fake (moderation answers and records what it got).
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(FakeServices.class)
class McpTest {

    private static final String ACCEPT = "application/json, text/event-stream";

    @Test
    void withoutATokenTheClientIsToldWhereToGetOne() {
        given().contentType("application/json").accept(ACCEPT).body(initialize("probe"))
                .post("/mcp")
                .then().statusCode(401)
                .header("WWW-Authenticate", containsString("resource_metadata="))
                .header("WWW-Authenticate", containsString("/.well-known/oauth-protected-resource/mcp"));
        // Quarkus answers the metadata without a Content-Type: read as JSON all the same, as MCP clients do.
        Response metadata = given().get("/.well-known/oauth-protected-resource/mcp");
        assertEquals(200, metadata.statusCode());
        JsonPath document = JsonPath.from(metadata.asString());
        assertTrue(document.getString("resource").endsWith("/mcp"), metadata.asString());
        assertTrue(document.getString("authorization_servers[0]").contains("/realms/quarkus"), metadata.asString());
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        given().auth().oauth2(token("camille", "community-manager", "other-api")).contentType("application/json")
                .accept(ACCEPT).body(initialize("probe"))
                .post("/mcp")
                .then().statusCode(401);
    }

    @Test
    void aToolCallGoesToTheServiceWithTheUsersTokenAndTheClientsName() {
        String token = token("camille", "community-manager", "tribu-api");
        String session = session(token, "test-agent");
        given().auth().oauth2(token).header("Mcp-Session-Id", session).contentType("application/json").accept(ACCEPT)
                .body("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}")
                .post("/mcp")
                .then().statusCode(200)
                .body("result.tools.annotations.title", hasItems("Search mentions", "Draft a post"))
                .body("result.tools.name", hasItems("search_mentions", "summarise_period", "list_inbox",
                        "act_on_inbox_item", "draft_post", "propose_slots"));
        given().auth().oauth2(token).header("Mcp-Session-Id", session).contentType("application/json").accept(ACCEPT)
                .body("""
                        {"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"list_inbox",
                         "arguments":{"brand":"cafe-lumiere","status":"new","limit":5}}}""")
                .post("/mcp")
                .then().statusCode(200)
                .body("result.isError", equalTo(false));
        FakeServices.Received received = FakeServices.LAST.get();
        assertEquals("GET", received.method());
        assertEquals("/brands/cafe-lumiere/inbox?status=new&limit=5", received.uri());
        assertEquals("Bearer " + token, received.authorization(), "the user's own token reaches the service");
        assertEquals("MCP, client test-agent", received.agent());
        assertNull(received.cookie());
    }

    @Test
    void aServicesRefusalIsAToolErrorAndADryRunWritesNothing() {
        String token = token("camille", "community-manager", "tribu-api");
        String session = session(token, "test-agent");
        given().auth().oauth2(token).header("Mcp-Session-Id", session).contentType("application/json").accept(ACCEPT)
                .body("""
                        {"jsonrpc":"2.0","id":4,"method":"tools/call","params":{"name":"list_inbox",
                         "arguments":{"brand":"other"}}}""")
                .post("/mcp")
                .then().statusCode(200)
                .body("result.isError", equalTo(true))
                .body("result.content[0].text", containsString("(404)"));
        given().auth().oauth2(token).header("Mcp-Session-Id", session).contentType("application/json").accept(ACCEPT)
                .body("""
                        {"jsonrpc":"2.0","id":5,"method":"tools/call","params":{"name":"act_on_inbox_item",
                         "arguments":{"brand":"cafe-lumiere","itemId":"7","action":"hide","expectedVersion":0,
                                      "dryRun":true}}}""")
                .post("/mcp")
                .then().statusCode(200)
                .body("result.isError", equalTo(false))
                .body("result.content[0].text", containsString("\"dryRun\":true"));
        assertEquals("GET", FakeServices.LAST.get().method(), "a dry run only reads the item");
    }

    private static String session(String token, String client) {
        Response initialized = given().auth().oauth2(token).contentType("application/json").accept(ACCEPT)
                .body(initialize(client)).post("/mcp");
        initialized.then().statusCode(200).body("result.serverInfo.name", equalTo("tribu"));
        String session = initialized.header("Mcp-Session-Id");
        given().auth().oauth2(token).header("Mcp-Session-Id", session).contentType("application/json").accept(ACCEPT)
                .body("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}")
                .post("/mcp").then().statusCode(202);
        return session;
    }

    private static String initialize(String client) {
        return """
                {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",
                 "capabilities":{},"clientInfo":{"name":"%s","version":"1.0"}}}""".formatted(client);
    }

    private static String token(String user, String role, String audience) {
        Instant now = Instant.now();
        return Jwt.issuer(SignIn.ISSUER).subject(user).upn(user).claim("preferred_username", user).audience(audience)
                .groups(Set.of(role)).claim("tenant", "soleil").claim("brands", List.of("cafe-lumiere"))
                .issuedAt(now).expiresAt(now.plusSeconds(3600)).jws().keyId("1").sign();
    }
}
