package io.tribu.console.me;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.oidc.AccessTokenCredential;
import io.tribu.console.ConsoleConfig;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Who is signed in, read from the access token the services will receive: the page shows the
 * agency, brands and role from it, but only the services decide what the user may do.
 */
@Path("/api/me")
public class MeResource {

    /** Roles from most to least powerful: the page shows the first one the user holds. */
    static final List<String> ROLES = List.of("admin", "community-manager", "analyst", "client-approver");

    private static final SecureRandom RANDOM = new SecureRandom();

    private final AccessTokenCredential accessToken;
    private final ObjectMapper mapper;
    private final ConsoleConfig config;

    public MeResource(AccessTokenCredential accessToken, ObjectMapper mapper,
            ConsoleConfig config) {
        this.accessToken = accessToken;
        this.mapper = mapper;
        this.config = config;
    }

    public record Me(String user, String name, String role, List<String> roles, String tenant, List<String> brands,
            String csrfToken) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response me(@Context HttpHeaders headers) {
        Cookie existing = headers.getCookies().get(config.csrfCookie());
        String csrfCookie = existing == null ? null : existing.getValue();
        JsonNode claims = claims(accessToken.getToken());
        List<String> groups = strings(claims.get("groups"));
        String role = ROLES.stream().filter(groups::contains).findFirst().orElse(null);
        String name = text(claims, "name");
        String csrf = csrfCookie != null && !csrfCookie.isEmpty() ? csrfCookie : newCsrfToken();
        Me me = new Me(text(claims, "preferred_username"), name, role,
                groups.stream().filter(ROLES::contains).toList(), text(claims, "tenant"),
                strings(claims.get("brands")), csrf);
        NewCookie cookie = new NewCookie.Builder(config.csrfCookie()).value(csrf).path("/")
                .secure(config.secureCookies()).httpOnly(false).sameSite(NewCookie.SameSite.STRICT).build();
        return Response.ok(me).cookie(cookie).header("Cache-Control", "no-store").build();
    }

    /**
     * The access token came straight from the provider's token endpoint over the console's own
     * authenticated back channel, so its payload is read as it is; the services verify it on every call.
     */
    private JsonNode claims(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            return mapper.createObjectNode();
        }
        try {
            return mapper.readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(JsonNode claims, String name) {
        JsonNode node = claims.get(name);
        return node == null || node.isNull() ? null : node.asText();
    }

    private static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node == null || node.isNull()) {
            return values;
        }
        if (node.isArray()) {
            node.forEach(n -> values.add(n.asText()));
        } else {
            values.add(node.asText());
        }
        return values;
    }

    private static String newCsrfToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
