package io.tribu.console.session;

import io.tribu.console.ConsoleConfig;
import io.tribu.console.web.Problems;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Double-submit CSRF check on every state-changing call: the request must carry the header
 * {@value #HEADER} equal to the CSRF cookie, which only a script of the console's own origin can
 * read. The session cookie is also SameSite=Lax; this check covers what Lax lets through
 * (same-site subdomains, old browsers). quarkus-rest-csrf does not resolve here, hence this filter.
 */
public class CsrfFilter {

    public static final String HEADER = "X-Tribu-Csrf";
    private static final String PUBLIC_APPROVAL_LINKS = "/public/approval-links/";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private final ConsoleConfig config;

    public CsrfFilter(ConsoleConfig config) {
        this.config = config;
    }

    @ServerRequestFilter
    public Response check(ContainerRequestContext request) {
        if (SAFE.contains(request.getMethod())) {
            return null;
        }
        // A client's decision through an approval link rides on no session (the console forwards it with no token or
        // cookie; the link's token in the path is the credential), so a forged cross-site request gains nothing.
        if (request.getUriInfo().getPath().startsWith(PUBLIC_APPROVAL_LINKS)) {
            return null;
        }
        Cookie cookie = request.getCookies().get(config.csrfCookie());
        String header = request.getHeaderString(HEADER);
        if (cookie == null || header == null || cookie.getValue().isEmpty()
                || !MessageDigest.isEqual(cookie.getValue().getBytes(StandardCharsets.UTF_8),
                        header.getBytes(StandardCharsets.UTF_8))) {
            return Problems.response(403, "https://tribu.io/problems/csrf", "Forbidden",
                    "State-changing calls need the " + HEADER + " header equal to the " + config.csrfCookie()
                            + " cookie; reload the page.", null);
        }
        return null;
    }
}
