package io.tribu.console.forward;

import io.smallrye.mutiny.Uni;
import io.tribu.console.ConsoleConfig;
import io.tribu.console.web.Problems;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * The only calls the console forwards without a session: a client holding an approval link (no account) reads its
 * posts and decides on one, through publishing's two public paths. Nothing of a user goes with them (no token, no
 * cookie): the signed token in the path is the whole credential, and publishing alone judges it. Only these two
 * shapes are forwarded, with a token made of publishing's three base64url parts, so no other path of publishing
 * can be reached this way.
 */
@Path("/public/approval-links/{token}")
public class ApprovalLinkForward {

    private static final String SERVICE = "publishing";
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{1,200}\\.[A-Za-z0-9_-]{1,50}\\.[A-Za-z0-9_-]{1,100}");
    private static final Pattern POST_ID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final List<String> REQUEST_HEADERS = List.of("Content-Type", "Accept", "Accept-Language");

    private final ConsoleConfig config;
    private final WebClient client;

    public ApprovalLinkForward(ConsoleConfig config, ServiceClient http) {
        this.config = config;
        this.client = http.web();
    }


    @GET
    public Uni<Response> read(@PathParam("token") String token, @Context HttpServerRequest request) {
        return TOKEN.matcher(token).matches() ? forward("/approval-links/" + token, request, null) : noSuchLink();
    }

    @POST
    @Path("/posts/{postId}/decisions")
    public Uni<Response> decide(@PathParam("token") String token, @PathParam("postId") String postId,
            @Context HttpServerRequest request, byte[] body) {
        return TOKEN.matcher(token).matches() && POST_ID.matcher(postId).matches()
                ? forward("/approval-links/" + token + "/posts/" + postId + "/decisions", request, body == null ? new byte[0] : body)
                : noSuchLink();
    }

    private Uni<Response> forward(String path, HttpServerRequest incoming, byte[] body) {
        String base = config.services().get(SERVICE).replaceAll("/+$", "");
        HttpRequest<Buffer> request = client.requestAbs(HttpMethod.valueOf(incoming.method().name()), base + path)
                .timeout(config.forwardTimeout().toMillis());
        for (String name : REQUEST_HEADERS) {
            String value = incoming.getHeader(name);
            if (value != null) {
                request.putHeader(name, value);
            }
        }
        // Publishing counts these paths' budget per client, and every client reaches it from the console's address: the
        // console appends the address that called it to X-Forwarded-For, as proxies do. That is the connection's peer,
        // not what quarkus.http.proxy resolved from the request's own headers, which a client writes as it likes; what
        // the request carried stays on the left, where publishing (trusting the console and the ingress only) ignores
        // what no trusted proxy appended.
        SocketAddress peer = incoming.connection() == null ? null : incoming.connection().remoteAddress();
        if (peer != null && peer.hostAddress() != null) {
            List<String> chain = new ArrayList<>(incoming.headers().getAll("X-Forwarded-For"));
            chain.add(peer.hostAddress());
            request.putHeader("X-Forwarded-For", String.join(", ", chain));
        }
        Uni<HttpResponse<Buffer>> sent = body == null ? request.send() : request.sendBuffer(Buffer.buffer(body));
        return sent.ifNoItem().after(config.forwardTimeout()).failWith(TimeoutException::new)
                .map(upstream -> ForwardResource.toResponse(upstream, incoming))
                .onFailure().recoverWithItem(failure -> ForwardResource.down(SERVICE, failure, config));
    }

    /** What publishing answers to a malformed token, without asking it. */
    private static Uni<Response> noSuchLink() {
        return Uni.createFrom().item(Problems.response(404, "https://tribu.io/problems/not-found", "Not Found",
                "No such approval link.", null));
    }
}
