package io.tribu.console.mcp;

import io.quarkiverse.mcp.server.McpConnection;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import java.util.Set;

/**
 * Who acts through MCP: the user whose bearer token the MCP client sent (verified by the console's {@code mcp}
 * OIDC tenant) and the client's own name from its {@code initialize} request. {@code via} is what the services
 * record beside the user: {@code MCP, client <name>}.
 */
public record Agent(String user, String token, Set<String> roles, String via) {

    /** Longest client name kept; the services accept {@value} characters in the header. */
    static final int MAX_VIA = 200;

    static Agent of(SecurityIdentity identity, McpConnection connection) {
        String client = connection.initialRequest() == null || connection.initialRequest().implementation() == null
                ? "unnamed" : connection.initialRequest().implementation().name();
        // Header-safe: visible ASCII and spaces only, bounded.
        String via = ("MCP, client " + client).replaceAll("[^\\x20-\\x7e]", "?");
        return new Agent(identity.getPrincipal().getName(), identity.getCredential(AccessTokenCredential.class).getToken(),
                identity.getRoles(), via.length() > MAX_VIA ? via.substring(0, MAX_VIA) : via);
    }

    /** Whether the token's roles let the user take moderation decisions themselves (the services decide in the end). */
    boolean moderates() {
        return roles.contains("admin") || roles.contains("community-manager");
    }
}
