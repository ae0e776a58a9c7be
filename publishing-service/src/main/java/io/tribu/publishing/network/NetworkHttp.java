package io.tribu.publishing.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.tribu.publishing.config.PublishingConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.tribu.platform.net.PinnedHttp;
import io.tribu.platform.net.UrlGuard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The HTTP client the adapters share; a connection failure or timeout is a retryable outcome, not an error.
 * <p>
 * Adapters write {@link HttpRequest}s and read {@link HttpResponse}s (the JDK's types, plain and
 * immutable), but the exchange runs on Vert.x's HTTP client, on the event loops the service already has:
 * the JDK client hands every answer to a thread of {@code CompletableFuture}'s default executor, which with
 * one or two CPUs is a new thread per answer, and it costs several times more CPU per call. Connections
 * are kept alive and pooled per host, {@code tribu.network.connections-per-host} at most.
 * <p>
 * Every request carries a channel's credentials, so it goes through the platform's {@link PinnedHttp}: before
 * each one the host is resolved and every address must pass the {@link UrlGuard} (public, or in
 * {@code tribu.channels.allowed-private-networks}); the connection then goes to the address that was checked,
 * never to a second lookup's answer. A refused host fails the call for good ({@link Outcome.Permanent}) before
 * anything, token included, is sent; a host that does not resolve is retried.
 */
@ApplicationScoped
public class NetworkHttp {

    static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int CONNECTIONS_PER_HOST = 64;

    private final PinnedHttp client;
    private final ObjectMapper json;
    private final Clock clock;

    @Inject
    public NetworkHttp(ObjectMapper json, Vertx vertx, Clock clock,
                       PublishingConfig config) {
        this(json, vertx, clock, config.network().connectionsPerHost(),
                new UrlGuard(config.channels().allowedPrivateNetworks().orElse(List.of())));
    }

    NetworkHttp(ObjectMapper json, Vertx vertx, Clock clock, int connectionsPerHost, UrlGuard guard) {
        this.json = json;
        this.clock = clock;
        this.client = new PinnedHttp(vertx, guard, new HttpClientOptions()
                        .setConnectTimeout((int) TIMEOUT.toMillis())
                        .setKeepAlive(true),
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
        return Uni.createFrom().completionStage(() -> RequestBody.of(request)
                .compose(body -> exchange(request, body))
                .toCompletionStage());
    }

    private Future<ReceivedResponse> exchange(HttpRequest request, Buffer body) {
        URI uri = request.uri();
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.valueOf(request.method()))
                .setIdleTimeout(request.timeout().orElse(TIMEOUT).toMillis());
        request.headers().map().forEach((name, values) -> values.forEach(value -> options.addHeader(name, value)));
        return client.send(uri, options, body)
                .recover(failure -> Future.failedFuture(failure instanceof UrlGuard.Refused refused ? refusal(uri, refused) : failure))
                .compose(incoming -> incoming.body().map(received -> ReceivedResponse.of(request, incoming, received, clock.instant())));
    }

    /** A name that does not resolve may be a resolver's hiccup and is retried; a refused address is not. */
    private static Refusal refusal(URI uri, UrlGuard.Refused refused) {
        if (refused.unresolved()) {
            return new Refusal(new Outcome.Retry(null, "network unreachable: the host " + uri.getHost() + " does not resolve"));
        }
        return new Refusal(new Outcome.Permanent("refused to call " + uri.getHost() + ": " + refused.getMessage()
                + "; no credentials were sent"));
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
