package io.tribu.platform.access;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who is calling, read only from the verified access token: the agency (tenant claim) and the
 * brands it may touch (brands claim). Never from request parameters.
 */
@RequestScoped
public class Caller {

    private final JsonWebToken token;
    private final SecurityIdentity identity;

    public Caller(JsonWebToken token, SecurityIdentity identity) {
        this.token = token;
        this.identity = identity;
    }

    public String tenant() {
        String tenant = token.getClaim("tenant");
        if (tenant == null || tenant.isBlank()) {
            throw HttpProblem.builder()
                    .withStatus(Response.Status.FORBIDDEN)
                    .withTitle("Forbidden")
                    .withDetail("The access token carries no tenant claim")
                    .build();
        }
        return tenant;
    }

    public Set<String> brands() {
        Object claim = token.getClaim("brands");
        if (claim instanceof Collection<?> values) {
            return values.stream().map(Caller::claimText).collect(Collectors.toUnmodifiableSet());
        }
        return claim == null ? Set.of() : Set.of(claimText(claim));
    }

    public String userName() {
        return identity.getPrincipal().getName();
    }

    /** The roles of the groups claim. */
    public Set<String> roles() {
        return identity.getRoles();
    }

    /** The caller's access token as received, to forward to another Tribu service. */
    public String rawToken() {
        return token.getRawToken();
    }

    /**
     * A brand outside the caller's claims answers 404 like a missing one, so that callers cannot
     * probe which brands exist in other agencies.
     */
    public String requireBrand(String brandId) {
        tenant();
        if (!brands().contains(brandId)) {
            throw NotFoundProblems.brand(brandId);
        }
        return brandId;
    }

    private static String claimText(Object value) {
        // JSON strings in claims arrive as jakarta.json values whose toString keeps the quotes.
        String text = value.toString();
        return text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")
                ? text.substring(1, text.length() - 1) : text;
    }
}
