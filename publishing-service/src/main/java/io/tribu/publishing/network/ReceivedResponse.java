package io.tribu.publishing.network;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;

import javax.net.ssl.SSLSession;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A Vert.x answer as the JDK's {@link HttpResponse}, the type the adapters read: status, headers (looked
 * up ignoring case) and the body decoded with the charset of its {@code Content-Type}, else UTF-8, as
 * {@code BodyHandlers.ofString()} does. {@code receivedAt} is read from the service's clock: a Retry-After
 * date and a token's lifetime count from it.
 */
final class ReceivedResponse implements HttpResponse<String> {

    private final HttpRequest request;
    private final int status;
    private final HttpHeaders headers;
    private final String body;
    private final Instant receivedAt;

    private ReceivedResponse(HttpRequest request, int status, HttpHeaders headers, String body, Instant receivedAt) {
        this.request = request;
        this.status = status;
        this.headers = headers;
        this.body = body;
        this.receivedAt = receivedAt;
    }

    static ReceivedResponse of(HttpRequest request, HttpClientResponse incoming, Buffer body, Instant receivedAt) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        incoming.headers().forEach(header -> headers.computeIfAbsent(header.getKey(), name -> new ArrayList<>()).add(header.getValue()));
        return new ReceivedResponse(request, incoming.statusCode(), HttpHeaders.of(headers, (name, value) -> true),
                body.toString(charset(incoming.getHeader("Content-Type"))), receivedAt);
    }

    private static Charset charset(String contentType) {
        if (contentType != null) {
            for (String parameter : contentType.split(";")) {
                String trimmed = parameter.trim();
                if (trimmed.regionMatches(true, 0, "charset=", 0, 8)) {
                    try {
                        return Charset.forName(trimmed.substring(8).replace("\"", ""));
                    } catch (IllegalCharsetNameException | UnsupportedCharsetException unknown) {
                        return StandardCharsets.UTF_8;
                    }
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    Instant receivedAt() {
        return receivedAt;
    }

    @Override
    public int statusCode() {
        return status;
    }

    @Override
    public HttpRequest request() {
        return request;
    }

    @Override
    public Optional<HttpResponse<String>> previousResponse() {
        return Optional.empty();
    }

    @Override
    public HttpHeaders headers() {
        return headers;
    }

    @Override
    public String body() {
        return body;
    }

    @Override
    public Optional<SSLSession> sslSession() {
        return Optional.empty();
    }

    @Override
    public URI uri() {
        return request.uri();
    }

    @Override
    public HttpClient.Version version() {
        return HttpClient.Version.HTTP_1_1;
    }
}
