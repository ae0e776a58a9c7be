package io.tribu.publishing.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.tribu.platform.net.UrlGuard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The HTTP client the adapters share; a connection failure or timeout is a retryable outcome, not an error.
 * <p>
 * Adapters write {@link HttpRequest}s and read {@link HttpResponse}s (the JDK's types, plain and
 * immutable), but the exchange runs on Vert.x's HTTP client, on the event loops the service already has:
 * the JDK client hands every answer to a thread of {@code CompletableFuture}'s default executor, which with
 * one or two CPUs is a new thread per answer, and it costs several times more CPU per call. Connections
 * are kept alive and pooled per host, {@code tribu.network.connections-per-host} at most.
 * <p>
 * Every request carries a channel's credentials, so before each one the host is resolved and every
 * address must pass the platform's {@link UrlGuard} (public, or in {@code tribu.channels.allowed-private-networks});
 * the connection then goes to the address that was checked, never to a second lookup's answer. A refused
 * host fails the call for good ({@link Outcome.Permanent}) before anything, token included, is sent.
 */
@ApplicationScoped
public class NetworkHttp {

    static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int CONNECTIONS_PER_HOST = 64;

    /** A host written as an address (IPv4, or IPv6 in brackets): checked without a lookup. */
    private static final Pattern LITERAL = Pattern.compile("[0-9.]+|\\[[0-9a-fA-F:.]+]");

    private final HttpClient client;
    private final ObjectMapper json;
    private final Clock clock;
    private final Vertx vertx;
    private final UrlGuard guard;

    @Inject
    public NetworkHttp(ObjectMapper json, Vertx vertx, Clock clock,
                       @ConfigProperty(name = "tribu.network.connections-per-host") int connectionsPerHost,
                       @ConfigProperty(name = "tribu.channels.allowed-private-networks") Optional<List<String>> allowedPrivateNetworks) {
        this(json, vertx, clock, connectionsPerHost, new UrlGuard(allowedPrivateNetworks.orElse(List.of())));
    }

    NetworkHttp(ObjectMapper json, Vertx vertx, Clock clock, int connectionsPerHost, UrlGuard guard) {
        this.json = json;
        this.clock = clock;
        this.vertx = vertx;
        this.guard = guard;
        this.client = vertx.createHttpClient(new HttpClientOptions()
                        .setConnectTimeout((int) TIMEOUT.toMillis())
                        .setKeepAlive(true)
                        .setForceSni(true),
                new PoolOptions().setHttp1MaxSize(connectionsPerHost));
    }

    /** Outside CDI (adapter tests against local fakes): a Vert.x of its own, every address allowed. */
    public NetworkHttp(ObjectMapper json, Clock clock) {
        this(json, clock, UrlGuard.anyAddress());
    }

    /** Outside CDI, with the guard given. */
    public NetworkHttp(ObjectMapper json, Clock clock, UrlGuard guard) {
        this(json, Vertx.vertx(), clock, CONNECTIONS_PER_HOST, guard);
    }

    Uni<ReceivedResponse> send(HttpRequest request) {
        return Uni.createFrom().completionStage(() -> checkedAddress(request.uri())
                .compose(address -> RequestBody.of(request).compose(body -> exchange(request, address, body)))
                .toCompletionStage());
    }

    /**
     * The address to connect to: the host's, resolved here, all of them allowed by the guard. A name that
     * does not resolve may be a resolver's hiccup and is retried; a refused address is not.
     */
    private Future<InetAddress> checkedAddress(URI uri) {
        String host = uri.getHost();
        if (host == null) {
            return Future.failedFuture(new Refusal(new Outcome.Permanent("the URL " + uri + " has no host")));
        }
        if (LITERAL.matcher(host).matches()) {
            return Future.succeededFuture().compose(nothing -> allowed(host, resolve(host)));
        }
        // Name resolution blocks: never on the event loop.
        return vertx.<InetAddress[]>executeBlocking(() -> resolve(host), false).compose(addresses -> allowed(host, addresses));
    }

    private static InetAddress[] resolve(String host) {
        try {
            return InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new Refusal(new Outcome.Retry(null, "network unreachable: the host " + host + " does not resolve"));
        }
    }

    private Future<InetAddress> allowed(String host, InetAddress[] addresses) {
        for (InetAddress address : addresses) {
            if (!guard.allows(address)) {
                return Future.failedFuture(new Refusal(new Outcome.Permanent("refused to call " + host + ": it resolves to "
                        + address.getHostAddress() + ", an internal address (private, loopback or link-local); "
                        + "no credentials were sent")));
            }
        }
        return Future.succeededFuture(addresses[0]);
    }

    private Future<ReceivedResponse> exchange(HttpRequest request, InetAddress address, Buffer body) {
        URI uri = request.uri();
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.valueOf(request.method()))
                .setAbsoluteURI(uri.toString())
                // The checked address itself, already resolved: Vert.x connects to it without a lookup of its own (an
                // address given as text went through its resolver again, and under load some requests never
                // completed). Host, SNI and the certificate check keep the URL's host name.
                .setServer(SocketAddress.inetSocketAddress(new InetSocketAddress(address, port)))
                .setIdleTimeout(request.timeout().orElse(TIMEOUT).toMillis())
                .setFollowRedirects(false);
        request.headers().map().forEach((name, values) -> values.forEach(value -> options.addHeader(name, value)));
        return client.request(options)
                .compose(outgoing -> body == null ? outgoing.send() : outgoing.send(body))
                .compose(incoming -> incoming.body().map(received -> ReceivedResponse.of(request, incoming, received, clock.instant())));
    }

    HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(java.net.URI.create(url)).timeout(TIMEOUT);
    }

    HttpRequest.BodyPublisher jsonBody(Object body) {
        try {
            return HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new IllegalStateException("Request body cannot be written as JSON", e);
        }
    }

    JsonNode read(HttpResponse<String> response) {
        try {
            return json.readTree(response.body() == null || response.body().isBlank() ? "{}" : response.body());
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    /** A network that cannot be reached is retried later; a refused address ends the call with its outcome. */
    static Outcome unreachable(Throwable failure) {
        if (failure instanceof Refusal refusal) {
            return refusal.outcome;
        }
        return new Outcome.Retry(null, "network unreachable: " + failure.getClass().getSimpleName());
    }
}
