package io.tribu.console.forward;

import io.quarkus.oidc.AccessTokenCredential;
import io.smallrye.mutiny.Uni;
import io.tribu.console.ConsoleConfig;
import io.tribu.console.web.Problems;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.net.ConnectException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * {@code /api/<service>/**} → the service, with the signed-in user's access token. The console
 * decides nothing: the service answers 401/403/404 from the token as it would to any caller, and
 * that answer reaches the page unchanged. Only the console's own failures (unknown service, service
 * down or slow) are the console's problems, and they name the service.
 */
@Path("/api/{service}/{path: .+}")
public class ForwardResource {

    private static final Logger LOG = Logger.getLogger(ForwardResource.class);
    /** Request headers the page may pass on; cookies and anything else stay at the console. */
    private static final List<String> REQUEST_HEADERS = List.of("Content-Type", "Accept", "Accept-Language", "If-Match",
            "Idempotency-Key");
    /** Response headers that mean something to the page. */
    private static final List<String> RESPONSE_HEADERS = List.of("Content-Type", "Location", "ETag", "Retry-After",
            "Idempotent-Replayed");

    /**
     * A service's HTML answer (analytics' printable report) is a document of its own, opened in a tab: it
     * styles itself inline and has no script, so it gets a policy that allows inline styles and nothing
     * that runs, in place of the page's, which would leave it unstyled.
     */
    static final String DOCUMENT_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data: https:; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private final ConsoleConfig config;
    private final AccessTokenCredential accessToken;
    private final WebClient client;

    public ForwardResource(ConsoleConfig config, AccessTokenCredential accessToken, ServiceClient http) {
        this.config = config;
        this.accessToken = accessToken;
        this.client = http.web();
    }


    @GET
    public Uni<Response> get(@PathParam("service") String service, @PathParam("path") String path,
            @Context HttpServerRequest request) {
        return forward(service, path, request, null);
    }

    @DELETE
    public Uni<Response> delete(@PathParam("service") String service, @PathParam("path") String path,
            @Context HttpServerRequest request) {
        return forward(service, path, request, null);
    }

    @POST
    public Uni<Response> post(@PathParam("service") String service, @PathParam("path") String path,
            @Context HttpServerRequest request, byte[] body) {
        return forward(service, path, request, body);
    }

    @PUT
    public Uni<Response> put(@PathParam("service") String service, @PathParam("path") String path,
            @Context HttpServerRequest request, byte[] body) {
        return forward(service, path, request, body);
    }

    @PATCH
    public Uni<Response> patch(@PathParam("service") String service, @PathParam("path") String path,
            @Context HttpServerRequest request, byte[] body) {
        return forward(service, path, request, body);
    }

    private Uni<Response> forward(String service, String path, HttpServerRequest incoming, byte[] body) {
        String base = config.services().get(service);
        if (base == null) {
            return Uni.createFrom().item(Problems.response(404, "https://tribu.io/problems/not-found", "Not Found",
                    "No service named '" + service + "' behind the console.", null));
        }
        URI target = URI.create(base.replaceAll("/+$", "") + "/" + path
                + (incoming.query() == null ? "" : "?" + incoming.query()));
        HttpRequest<Buffer> request = client.requestAbs(HttpMethod.valueOf(incoming.method().name()), target.toString())
                .timeout(config.forwardTimeout().toMillis())
                .putHeader("Authorization", "Bearer " + accessToken.getToken());
        for (String name : REQUEST_HEADERS) {
            String value = incoming.getHeader(name);
            if (value != null) {
                request.putHeader(name, value);
            }
        }
        Uni<HttpResponse<Buffer>> sent = body == null ? request.send() : request.sendBuffer(Buffer.buffer(body));
        // Mutiny's deadline covers the whole answer (connect, headers, body); WebClient's timeout alone
        // only measures idle gaps.
        return sent.ifNoItem().after(config.forwardTimeout()).failWith(TimeoutException::new)
                .map(upstream -> toResponse(upstream, incoming))
                .onFailure().recoverWithItem(failure -> down(service, failure, config));
    }

    static Response toResponse(HttpResponse<Buffer> upstream, HttpServerRequest incoming) {
        Response.ResponseBuilder response = Response.status(upstream.statusCode());
        for (String name : RESPONSE_HEADERS) {
            String value = upstream.getHeader(name);
            if (value != null) {
                response.header(name, value);
            }
        }
        String type = upstream.getHeader("Content-Type");
        if (type != null && type.toLowerCase(Locale.ROOT).startsWith("text/html")) {
            // The page's policy is already on the response (quarkus.http.header): replaced, since a browser
            // enforces every policy it is sent.
            incoming.response().headers().remove("Content-Security-Policy");
            response.header("Content-Security-Policy", DOCUMENT_POLICY);
        }
        Buffer body = upstream.body();
        if (body != null && body.length() > 0) {
            response.entity(body.getBytes());
        }
        return response.header("Cache-Control", "no-store").build();
    }

    static Response down(String service, Throwable failure, ConsoleConfig config) {
        LOG.warnf("forwarding to %s failed: %s", service, failure.toString());
        if (failure instanceof TimeoutException || failure.getClass().getSimpleName().contains("Timeout")) {
            return Problems.response(504, "https://tribu.io/problems/service-timeout", "Gateway Timeout",
                    "The " + service + " service did not answer within " + config.forwardTimeout().toMillis() + " ms.",
                    service);
        }
        if (failure instanceof ConnectException || failure.getCause() instanceof ConnectException) {
            return Problems.response(503, "https://tribu.io/problems/service-unavailable", "Service Unavailable",
                    "The " + service + " service is not reachable; try again in a moment.", service);
        }
        return Problems.response(502, "https://tribu.io/problems/bad-gateway", "Bad Gateway",
                "The " + service + " service's answer could not be read.", service);
    }
}
