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
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;

/**
 * The HTTP client the adapters share; a connection failure or timeout is a retryable outcome, not an error.
 * <p>
 * Adapters write {@link HttpRequest}s and read {@link HttpResponse}s (the JDK's types, plain and
 * immutable), but the exchange runs on Vert.x's HTTP client, on the event loops the service already has:
 * the JDK client hands every answer to a thread of {@code CompletableFuture}'s default executor, which with
 * one or two CPUs is a new thread per answer, and it costs several times more CPU per call. Connections
 * are kept alive and pooled per host, {@code tribu.network.connections-per-host} at most.
 */
@ApplicationScoped
public class NetworkHttp {

    static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int CONNECTIONS_PER_HOST = 64;

    private final HttpClient client;
    private final ObjectMapper json;
    private final Clock clock;

    @Inject
    public NetworkHttp(ObjectMapper json, Vertx vertx, Clock clock,
                       @ConfigProperty(name = "tribu.network.connections-per-host") int connectionsPerHost) {
        this.json = json;
        this.clock = clock;
        this.client = vertx.createHttpClient(new HttpClientOptions()
                        .setConnectTimeout((int) TIMEOUT.toMillis())
                        .setKeepAlive(true)
                        .setForceSni(true),
                new PoolOptions().setHttp1MaxSize(connectionsPerHost));
    }

    /** Outside CDI (adapter tests): a Vert.x of its own. */
    public NetworkHttp(ObjectMapper json, Clock clock) {
        this(json, Vertx.vertx(), clock, CONNECTIONS_PER_HOST);
    }

    Uni<ReceivedResponse> send(HttpRequest request) {
        return Uni.createFrom().completionStage(() -> RequestBody.of(request)
                .compose(body -> exchange(request, body))
                .toCompletionStage());
    }

    private Future<ReceivedResponse> exchange(HttpRequest request, Buffer body) {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.valueOf(request.method()))
                .setAbsoluteURI(request.uri().toString())
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

    /** A network that cannot be reached is retried later. */
    static Outcome unreachable(Throwable failure) {
        return new Outcome.Retry(null, "network unreachable: " + failure.getClass().getSimpleName());
    }
}
