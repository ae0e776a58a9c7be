package io.tribu.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Holds every answer a service's own REST tests get to its OpenAPI document, beyond what {@link BadInputProbe} sends:
 * each call a test makes to the service (not to the fakes of other servers) is looked up in the document the service
 * serves ({@code /q/openapi}), and a status its operation does not declare fails that call, with the operation and the
 * status (a client generated from the document has no type for that answer). Calls to paths or methods the document
 * does not have are not judged (health, metrics, a test of a 405).
 *
 * <p>A service turns it on for all its {@code @QuarkusTest}s by naming this class in its test resources'
 * {@code META-INF/services/io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback}: before each test method the
 * filter is added to RestAssured's (in the test's class loader, where the test's RestAssured lives).
 */
public final class DocumentedStatuses implements QuarkusTestBeforeEachCallback, Filter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** The document each service answered, by its base URL; an empty object where there is none. */
    private static final Map<String, JsonNode> DOCUMENTS = new ConcurrentHashMap<>();
    private static final AtomicInteger CHECKED = new AtomicInteger();

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if (RestAssured.filters().stream().noneMatch(DocumentedStatuses.class::isInstance)) {
            RestAssured.filters(new DocumentedStatuses());
        }
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response, FilterContext context) {
        Response answer = context.next(request, response);
        URI uri = URI.create(request.getURI());
        if (uri.getPort() != RestAssured.port || !isLocal(uri.getHost()) || uri.getPath().startsWith("/q/")) {
            return answer;
        }
        undocumented(document(uri), request.getMethod(), uri.getRawPath(), answer.statusCode()).ifPresent(reason -> {
            throw new AssertionError(reason + " (DocumentedStatuses: document it on the operation, or fix the answer)");
        });
        CHECKED.incrementAndGet();
        return answer;
    }

    /** How many calls were held to their document in this class loader so far. */
    public static int checked() {
        return CHECKED.get();
    }

    /**
     * Why {@code status} is not an answer the document declares for {@code method path}; empty when it is, or when the
     * document has no such operation.
     */
    public static Optional<String> undocumented(JsonNode document, String method, String path, int status) {
        Optional<String> template = template(document.path("paths"), path);
        if (template.isEmpty()) {
            return Optional.empty();
        }
        JsonNode operation = document.path("paths").path(template.get()).path(method.toLowerCase(Locale.ROOT));
        if (operation.isMissingNode()) {
            return Optional.empty();
        }
        JsonNode responses = operation.path("responses");
        String code = Integer.toString(status);
        if (responses.has(code) || responses.has(code.charAt(0) + "XX") || responses.has("default")) {
            return Optional.empty();
        }
        return Optional.of(method.toUpperCase(Locale.ROOT) + " " + template.get() + " answered " + status
                + ", which its document does not declare (it declares " + codes(responses) + ")");
    }

    /** The document's path that {@code path} is an instance of; literal segments win over parameters. */
    static Optional<String> template(JsonNode paths, String path) {
        String[] segments = path.split("/", -1);
        String best = null;
        int bestParameters = Integer.MAX_VALUE;
        for (Iterator<String> names = paths.fieldNames(); names.hasNext(); ) {
            String candidate = names.next();
            String[] parts = candidate.split("/", -1);
            if (parts.length != segments.length) {
                continue;
            }
            int parameters = 0;
            boolean matches = true;
            for (int i = 0; i < parts.length && matches; i++) {
                if (parts[i].startsWith("{") && parts[i].endsWith("}")) {
                    parameters++;
                    matches = !segments[i].isEmpty();
                } else {
                    matches = parts[i].equals(segments[i]);
                }
            }
            if (matches && parameters < bestParameters) {
                best = candidate;
                bestParameters = parameters;
            }
        }
        return Optional.ofNullable(best);
    }

    private static String codes(JsonNode responses) {
        StringBuilder codes = new StringBuilder();
        responses.fieldNames().forEachRemaining(code -> codes.append(codes.isEmpty() ? "" : ", ").append(code));
        return codes.toString();
    }

    private static JsonNode document(URI uri) {
        String base = uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort();
        return DOCUMENTS.computeIfAbsent(base, DocumentedStatuses::fetch);
    }

    private static JsonNode fetch(String base) {
        try {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/q/openapi?format=json"))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() == 200 ? JSON.readTree(answer.body()) : JSON.createObjectNode();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + base + "/q/openapi", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean isLocal(String host) {
        return "localhost".equals(host) || "127.0.0.1".equals(host) || "[::1]".equals(host) || "::1".equals(host);
    }
}
