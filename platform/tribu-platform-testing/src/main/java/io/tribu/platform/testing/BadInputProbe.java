package io.tribu.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Sends every operation of a running service's own OpenAPI document a catalogue of bad input and
 * collects what a client must never see: a 5xx, an error that is not RFC 9457 problem+json, a 400
 * that does not name the field it is about, or bad input accepted with a 2xx. A new endpoint is
 * covered the day it appears in the document.
 *
 * <p>Bodies start from a plausible object built from the operation's schema (required properties
 * filled in), then one property at a time gets a wrong type, a NUL, a lone surrogate, a string one
 * over its maxLength, a 1 MB string, an array one item over its maxItems, 100,000 items, an unknown
 * enum value or an out-of-range number; whole bodies are malformed JSON, 11 MB, or nested 10,000 deep.
 * The 1 MB string and the 100,000 items go to every unbounded property, and to the first bounded
 * property (a maxLength or maxItems, an enum, a format) of each distinct set of constraints
 * ({@link #constraints}) in a run: they took most of the probe's time (0.35 s a request on the loaded CI
 * machine), and a property of the same declared bounds is held to them by its own limit + 1, unknown enum
 * value or text that is not of its format. Query parameters get NUL, invalid UTF-8, out-of-range and
 * unreadable values; path ids get values that are not ids.
 *
 * <p>Each hostile body is built once and shared by every operation (the 100,000-item arrays once per item schema). A
 * body over {@link #ASK_FIRST_ABOVE} asks first ({@code Expect: 100-continue}, see {@link StreamedRequest}): the
 * server's 413 from the headers alone is read and checked, the megabytes are not pushed after it. Once per run the
 * 11 MB body is also sent whole without asking, to the first operation with a body: a client that does not ask gets
 * the 413 problem too (the limit is checked before any route, so one operation proves it for all). The progress
 * lines say how long each operation and each kind of input took.
 *
 * <p>Every status an operation answers is also held against the responses its document declares: an answer the
 * document does not declare is a finding (a client generated from the document has no type for it), and the
 * declared codes the probe never saw are reported through {@link #progress} as information.
 */
public final class BadInputProbe {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final byte[] MEGABYTE_STRING = ('"' + "x".repeat(1 << 20) + '"').getBytes(StandardCharsets.UTF_8);
    /** Jackson refuses to write a lone surrogate, so the JSON escape is put in after writing. */
    private static final String LONE_SURROGATE = "LONE-SURROGATE-8d1f";
    /** Where a property's bad value goes in an otherwise plausible body, spliced in as bytes after writing. */
    private static final String BAD_VALUE = "BAD-VALUE-8d1f";
    /**
     * Bodies larger than this ask first (Expect: 100-continue): two services refuse more than 2 MB, the others 10 MB
     * (Quarkus' default). A body the server does want still goes out, after its "100 Continue".
     */
    static final long ASK_FIRST_ABOVE = 2 << 20;
    private static final String ELEVEN_MEGABYTES = "an 11 MB body";
    private static final String ONE_OVER_MAX_LENGTH = "a string one over its maxLength";
    private static final String ONE_OVER_MAX_ITEMS = "one item over its maxItems";
    /** The bodies that are wrong as a whole, the same bytes for every operation. */
    private static final Map<String, StreamedRequest.Body> WHOLE_BODIES = wholeBodies();

    /** One answer a client must not get. */
    public record Finding(String operation, String input, int status, String reason, String body) {
        @Override
        public String toString() {
            return operation + " with " + input + " -> " + status + ": " + reason
                    + (body.isEmpty() ? "" : " | " + (body.length() > 300 ? body.substring(0, 300) + "…" : body));
        }
    }

    private final String token;
    private final Map<String, String> pathValues = new HashMap<>();
    private final Set<String> skipped = new HashSet<>();
    private final Map<String, Set<Integer>> acceptedStatuses = new HashMap<>();
    /** Per operation, each status it answered and the first input that got it. */
    private final Map<String, Map<Integer, String>> answered = new java.util.LinkedHashMap<>();
    private Consumer<String> progress = line -> { };
    private java.time.Clock clock = java.time.Clock.systemUTC();
    /** The 100,000-item array for an item schema, written once. */
    private final Map<String, byte[]> manyItems = new HashMap<>();
    /**
     * The constraints ({@link #constraints}) of the bounded properties that got the 1 MB string or the 100,000 items
     * already: a bounded property gets its limit + 1 each time, the huge value once per distinct constraints in a run.
     */
    private final Set<String> hugeValueSent = new HashSet<>();
    /** Per kind of input, how many requests and how many nanoseconds. */
    private final Map<String, long[]> timeByInput = new HashMap<>();
    private boolean sentWholeWithoutAsking;
    private java.time.Duration continueWait = StreamedRequest.CONTINUE_WAIT;

    private BadInputProbe(String token) {
        this.token = token;
    }

    /** A probe that calls with this bearer token (one allowed to write, with the brands of {@link #pathValue}). */
    public static BadInputProbe withToken(String token) {
        return new BadInputProbe(token);
    }

    /** The value a path parameter of this name gets when it is not the one being probed (e.g. brandId). */
    public BadInputProbe pathValue(String name, String value) {
        pathValues.put(name, value);
        return this;
    }

    /** Leaves an operation out ("POST /webhooks/meta"), with the reason said at the call site. */
    public BadInputProbe skip(String operation) {
        skipped.add(operation);
        return this;
    }

    /**
     * Statuses other than 4xx that this operation may answer to bad input, e.g. 202 for a webhook
     * receiver that acknowledges every signed delivery and reports unreadable ones elsewhere.
     */
    public BadInputProbe accepting(String operation, Integer... statuses) {
        acceptedStatuses.computeIfAbsent(operation, key -> new HashSet<>()).addAll(List.of(statuses));
        return this;
    }

    /** The service's clock: plausible dates and times are an hour after its "now", whatever offset it runs with. */
    public BadInputProbe clock(java.time.Clock clock) {
        this.clock = clock;
        return this;
    }

    /** How long a body that asks first waits for "100 Continue" (a test server that never says it: the JDK's). */
    BadInputProbe continueWait(java.time.Duration wait) {
        this.continueWait = wait;
        return this;
    }

    public BadInputProbe progress(Consumer<String> progress) {
        this.progress = progress;
        return this;
    }

    /** Runs the catalogue against every operation and fails the test with every finding. */
    public void assertHolds() {
        List<Finding> findings = run();
        if (!findings.isEmpty()) {
            StringBuilder message = new StringBuilder(findings.size() + " bad-input findings:\n");
            findings.forEach(finding -> message.append("  ").append(finding).append('\n'));
            fail(message.toString());
        }
    }

    public List<Finding> run() {
        JsonNode document = read(RestAssured.given().get("/q/openapi?format=json").asString());
        List<Finding> findings = new ArrayList<>();
        int requests = 0;
        long start = System.nanoTime();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> operations = path.getValue().fields(); operations.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = operations.next();
                String method = entry.getKey().toUpperCase();
                if (!Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    continue;
                }
                String name = method + " " + path.getKey();
                if (skipped.contains(name)) {
                    continue;
                }
                Operation operation = new Operation(name, method, path.getKey(), parameters(document, path.getValue(), entry.getValue()),
                        bodySchema(document, entry.getValue()), document, accept(entry.getValue().path("responses")));
                int before = findings.size();
                long operationStart = System.nanoTime();
                int sent = operation.probe(findings);
                requests += sent;
                operation.compareWithDocument(findings, entry.getValue().path("responses"));
                progress.accept(name + ": " + (findings.size() - before) + " findings (" + sent + " requests, "
                        + seconds(System.nanoTime() - operationStart) + ")");
            }
        }
        requests += probeLimits(findings);
        progress.accept(requests + " requests, " + findings.size() + " findings in " + seconds(System.nanoTime() - start)
                + "; the slowest inputs: " + slowestInputs(6));
        return findings;
    }

    /** The kinds of input that took longest in all, e.g. "a 1 MB string 45 × 80 ms = 3.6 s". */
    private String slowestInputs(int count) {
        return timeByInput.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]))
                .limit(count)
                .map(kind -> kind.getKey() + " " + kind.getValue()[0] + " × " + kind.getValue()[1] / kind.getValue()[0] / 1_000_000
                        + " ms = " + seconds(kind.getValue()[1]))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private static String seconds(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f s", nanos / 1e9);
    }

    /** A 20,000-character request line and 100 KB of headers: 414 and 431 as problem+json, for any path. */
    private int probeLimits(List<Finding> findings) {
        Response longLine = RestAssured.given().urlEncodingEnabled(false).header("Authorization", "Bearer " + token)
                .get("/" + "a".repeat(20_000));
        limitFinding(findings, "request line of 20,000 characters", 414, longLine);
        Response bigHeaders = RestAssured.given().header("Authorization", "Bearer " + token)
                .header("X-Padding", "b".repeat(100 * 1024)).get("/");
        limitFinding(findings, "100 KB of headers", 431, bigHeaders);
        return 2;
    }

    private static void limitFinding(List<Finding> findings, String input, int expected, Response response) {
        String contentType = response.contentType() == null ? "" : response.contentType();
        if (response.statusCode() != expected || !contentType.startsWith("application/problem+json")) {
            findings.add(new Finding("any path", input, response.statusCode(),
                    "expected " + expected + " problem+json (" + contentType + ")", response.asString()));
        }
    }

    /**
     * What the probe accepts: the media types of the operation's documented successes (a text/plain webhook challenge
     * answers 406 to an Accept of JSON only, rightly) and problem+json.
     */
    static String accept(JsonNode responses) {
        Set<String> types = new java.util.LinkedHashSet<>();
        responses.fields().forEachRemaining(response -> {
            if (response.getKey().startsWith("2")) {
                response.getValue().path("content").fieldNames().forEachRemaining(types::add);
            }
        });
        if (types.isEmpty()) {
            types.add("application/json");
        }
        types.add("application/problem+json");
        return String.join(", ", types);
    }

    private static List<JsonNode> parameters(JsonNode document, JsonNode pathItem, JsonNode operation) {
        List<JsonNode> parameters = new ArrayList<>();
        pathItem.path("parameters").forEach(parameter -> parameters.add(resolve(document, parameter)));
        operation.path("parameters").forEach(parameter -> parameters.add(resolve(document, parameter)));
        return parameters;
    }

    private static JsonNode bodySchema(JsonNode document, JsonNode operation) {
        JsonNode content = resolve(document, operation.path("requestBody")).path("content");
        JsonNode json = content.path("application/json");
        return json.isMissingNode() ? null : resolve(document, json.path("schema"));
    }

    static JsonNode resolve(JsonNode document, JsonNode node) {
        int hops = 0;
        while (node.has("$ref") && hops++ < 20) {
            String ref = node.path("$ref").asText();
            if (!ref.startsWith("#/")) {
                return NODES.objectNode();
            }
            JsonNode target = document;
            for (String part : ref.substring(2).split("/")) {
                target = target.path(part.replace("~1", "/").replace("~0", "~"));
            }
            node = target;
        }
        JsonNode allOf = node.path("allOf");
        if (allOf.isArray() && !allOf.isEmpty()) {
            ObjectNode merged = NODES.objectNode();
            ObjectNode properties = merged.putObject("properties");
            ArrayNode required = merged.putArray("required");
            merged.put("type", "object");
            for (JsonNode part : allOf) {
                JsonNode resolved = resolve(document, part);
                if (resolved.has("properties")) {
                    properties.setAll((ObjectNode) resolved.path("properties"));
                }
                resolved.path("required").forEach(required::add);
                if (!resolved.has("properties") && resolved.has("type")) {
                    return resolved;
                }
            }
            return merged;
        }
        return node;
    }

    /** The schema with every {@code $ref} below it replaced by what it points to (cycles cut at depth 6). */
    static JsonNode inline(JsonNode document, JsonNode schema, int depth) {
        JsonNode resolved = resolve(document, schema);
        if (!resolved.isObject() || depth > 6) {
            return resolved;
        }
        ObjectNode copy = ((ObjectNode) resolved).deepCopy();
        JsonNode properties = copy.path("properties");
        if (properties.isObject()) {
            ObjectNode inlined = NODES.objectNode();
            properties.fields().forEachRemaining(property -> inlined.set(property.getKey(), inline(document, property.getValue(), depth + 1)));
            copy.set("properties", inlined);
        }
        if (copy.has("items")) {
            copy.set("items", inline(document, copy.path("items"), depth + 1));
        }
        return copy;
    }

    private static JsonNode read(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException("the OpenAPI document is not JSON", e);
        }
    }

    /** One operation, and the bad inputs it gets. */
    private final class Operation {
        private final String name;
        private final String method;
        private final String template;
        private final List<JsonNode> parameters;
        private final JsonNode body;
        private final JsonNode document;
        private final String accept;

        Operation(String name, String method, String template, List<JsonNode> parameters, JsonNode body, JsonNode document,
                  String accept) {
            this.name = name;
            this.method = method;
            this.template = template;
            this.parameters = parameters;
            this.body = body == null ? null : inline(document, body, 0);
            this.document = document;
            this.accept = accept;
        }

        int probe(List<Finding> findings) {
            int requests = 0;
            for (JsonNode parameter : parameters) {
                String in = parameter.path("in").asText();
                String parameterName = parameter.path("name").asText();
                JsonNode schema = resolve(document, parameter.path("schema"));
                if (in.equals("path") && !pathValues.containsKey(parameterName)) {
                    for (String bad : List.of("not-an-id", "%00", "%ED%A0%80", "x".repeat(300))) {
                        requests++;
                        exchange(findings, "path " + parameterName + "=" + abbreviate(bad), "path " + abbreviate(bad), parameterName,
                                Map.of(parameterName, bad), Map.of(), validBody(), false, true);
                    }
                } else if (in.equals("query")) {
                    for (String bad : badQueryValues(schema)) {
                        requests++;
                        exchange(findings, "query " + parameterName + "=" + abbreviate(bad), "query " + abbreviate(bad), parameterName,
                                Map.of(), Map.of(parameterName, bad), validBody(), !isFreeText(schema), true);
                    }
                }
            }
            if (body != null) {
                requests += probeBody(findings);
            }
            return requests;
        }

        private int probeBody(List<Finding> findings) {
            int requests = 0;
            boolean object = "object".equals(body.path("type").asText("object"));
            for (Map.Entry<String, StreamedRequest.Body> entry : WHOLE_BODIES.entrySet()) {
                if (object || !entry.getKey().equals("a JSON array for an object")) {
                    requests++;
                    exchange(findings, entry.getKey(), entry.getKey(), null, Map.of(), Map.of(), entry.getValue(), true, true);
                }
            }
            if (!sentWholeWithoutAsking) {
                sentWholeWithoutAsking = true;
                requests++;
                String input = ELEVEN_MEGABYTES + " sent whole, without asking first";
                exchange(findings, input, input, null, Map.of(), Map.of(), WHOLE_BODIES.get(ELEVEN_MEGABYTES), true, false);
            }
            for (Iterator<Map.Entry<String, JsonNode>> properties = body.path("properties").fields(); properties.hasNext(); ) {
                Map.Entry<String, JsonNode> property = properties.next();
                JsonNode schema = resolve(document, property.getValue());
                if (schema.path("readOnly").asBoolean(false)) {
                    continue;
                }
                for (Map.Entry<String, byte[]> bad : badValues(schema).entrySet()) {
                    ObjectNode mutated = (ObjectNode) plausible(body, 0, clock.instant());
                    mutated.put(property.getKey(), BAD_VALUE);
                    requests++;
                    exchange(findings, property.getKey() + " = " + bad.getKey(), bad.getKey(), property.getKey(), Map.of(), Map.of(),
                            StreamedRequest.Body.of(splice(bytes(mutated), bad.getValue())), true, true);
                }
            }
            return requests;
        }

        private StreamedRequest.Body validBody() {
            return body == null ? null : StreamedRequest.Body.of(bytes(plausible(body, 0, clock.instant())));
        }

        /** Sends one bad input, times it by its kind and checks the answer. */
        private void exchange(List<Finding> findings, String input, String kind, String field, Map<String, String> pathOverrides,
                              Map<String, String> query, StreamedRequest.Body payload, boolean mustBeRefused, boolean askFirst) {
            long start = System.nanoTime();
            StreamedRequest.Answer answer;
            try {
                answer = send(pathOverrides, query, payload, askFirst);
            } catch (IOException e) {
                findings.add(new Finding(name, input, 0, "no answer read: " + e.getMessage(), ""));
                return;
            } finally {
                long[] time = timeByInput.computeIfAbsent(kind, key -> new long[2]);
                time[0]++;
                time[1] += System.nanoTime() - start;
            }
            check(findings, input, field, answer, mustBeRefused);
        }

        /**
         * An ordinary request through RestAssured; a body over {@link #ASK_FIRST_ABOVE} (or any body, with
         * {@code askFirst} false) on a connection of its own, streamed, asking first when {@code askFirst}.
         */
        private StreamedRequest.Answer send(Map<String, String> pathOverrides, Map<String, String> query, StreamedRequest.Body payload,
                                            boolean askFirst) throws IOException {
            String url = url(pathOverrides, query);
            if (payload != null && (payload.length() > ASK_FIRST_ABOVE || !askFirst)) {
                Map<String, String> headers = new java.util.LinkedHashMap<>();
                headers.put("Authorization", "Bearer " + token);
                headers.put("Accept", accept);
                headers.put("Content-Type", "application/json");
                return StreamedRequest.send(method, url, headers, payload, askFirst, continueWait);
            }
            RequestSpecification request = RestAssured.given().urlEncodingEnabled(false)
                    .config(RestAssured.config().encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                    .header("Authorization", "Bearer " + token)
                    .header("Accept", accept);
            if (payload != null) {
                request = request.contentType("application/json").body(payload.bytes());
            }
            Response response = request.request(method, url);
            return new StreamedRequest.Answer(response.statusCode(), response.contentType() == null ? "" : response.contentType(),
                    response.asString(), payload == null ? 0 : payload.length());
        }

        private String url(Map<String, String> pathOverrides, Map<String, String> query) {
            String path = template;
            for (JsonNode parameter : parameters) {
                if (parameter.path("in").asText().equals("path")) {
                    String parameterName = parameter.path("name").asText();
                    String value = pathOverrides.getOrDefault(parameterName, pathValues.getOrDefault(parameterName, UUID.randomUUID().toString()));
                    path = path.replace("{" + parameterName + "}", value);
                }
            }
            StringBuilder url = new StringBuilder(path);
            char separator = '?';
            for (Map.Entry<String, String> parameter : query.entrySet()) {
                url.append(separator).append(parameter.getKey()).append('=').append(parameter.getValue());
                separator = '&';
            }
            return url.toString();
        }

        /**
         * Each answered status the operation's {@code responses} do not declare (exactly or as a range such as
         * {@code 4XX}, or through {@code default}) is a finding; declared errors never answered are only reported (a
         * probe of bad input is not expected to succeed, so declared successes are left out).
         */
        void compareWithDocument(List<Finding> findings, JsonNode responses) {
            Map<Integer, String> statuses = answered.getOrDefault(name, Map.of());
            for (Map.Entry<Integer, String> status : statuses.entrySet()) {
                if (!documents(responses, status.getKey())) {
                    List<String> declared = new ArrayList<>();
                    responses.fieldNames().forEachRemaining(declared::add);
                    findings.add(new Finding(name, status.getValue(), status.getKey(),
                            "answered but not documented (documented: " + String.join(", ", declared) + ")", ""));
                }
            }
            List<String> unseen = new ArrayList<>();
            responses.fieldNames().forEachRemaining(code -> {
                if (code.matches("[45]\\d\\d") && !statuses.containsKey(Integer.parseInt(code))) {
                    unseen.add(code);
                }
            });
            if (!unseen.isEmpty()) {
                progress.accept(name + ": documented, not answered to the probe: " + String.join(", ", unseen));
            }
        }

        private void check(List<Finding> findings, String input, String field, StreamedRequest.Answer answer, boolean mustBeRefused) {
            int status = answer.status();
            answered.computeIfAbsent(name, key -> new java.util.TreeMap<>()).putIfAbsent(status, input);
            String contentType = answer.contentType();
            String text = answer.body();
            Set<Integer> accepted = acceptedStatuses.getOrDefault(name, Set.of());
            if (accepted.contains(status)) {
                return;
            }
            if (status >= 500) {
                findings.add(new Finding(name, input, status, "server error", text));
            } else if (status >= 400 && !contentType.startsWith("application/problem+json")) {
                findings.add(new Finding(name, input, status, "not problem+json (" + contentType + ")", text));
            } else if (status == 400 && field != null && !text.contains(field)) {
                findings.add(new Finding(name, input, status, "the problem does not name " + field, text));
            } else if (status < 400 && mustBeRefused) {
                findings.add(new Finding(name, input, status, "bad input accepted", text));
            }
        }
    }

    /** Whether an operation's {@code responses} declare this status, exactly, as its range ({@code 4XX}) or by {@code default}. */
    static boolean documents(JsonNode responses, int status) {
        return responses.has(Integer.toString(status)) || responses.has((status / 100) + "XX") || responses.has("default");
    }

    /** A plausible value for a schema: required properties filled, the first enum value, the minimum. */
    static JsonNode plausible(JsonNode schema, int depth, java.time.Instant now) {
        if (schema.has("example") && depth > 0) {
            return schema.path("example");
        }
        if (schema.path("enum").isArray() && !schema.path("enum").isEmpty()) {
            return schema.path("enum").get(0);
        }
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
        switch (type) {
            case "object":
                ObjectNode object = NODES.objectNode();
                if (depth < 6) {
                    for (JsonNode required : schema.path("required")) {
                        JsonNode property = schema.path("properties").path(required.asText());
                        object.set(required.asText(), plausible(property.isMissingNode() ? NODES.objectNode() : property, depth + 1, now));
                    }
                }
                return object;
            case "array":
                ArrayNode array = NODES.arrayNode();
                int items = Math.max(0, schema.path("minItems").asInt(0));
                for (int i = 0; i < items && depth < 6; i++) {
                    array.add(plausible(schema.path("items"), depth + 1, now));
                }
                return array;
            case "integer":
                return NODES.numberNode(schema.path("minimum").asLong(1));
            case "number":
                return NODES.numberNode(schema.path("minimum").asDouble(1));
            case "boolean":
                return NODES.booleanNode(true);
            default:
                return NODES.textNode(plausibleString(schema, now));
        }
    }

    private static String plausibleString(JsonNode schema, java.time.Instant now) {
        return switch (schema.path("format").asText("")) {
            case "date-time" -> now.plusSeconds(3600).toString();
            case "date" -> java.time.LocalDate.ofInstant(now, java.time.ZoneOffset.UTC).plusDays(1).toString();
            case "uuid" -> UUID.randomUUID().toString();
            case "uri", "url" -> "https://example.com/x";
            case "email" -> "someone@example.com";
            default -> "x".repeat(Math.max(1, schema.path("minLength").asInt(1)));
        };
    }

    /**
     * Bad values for one property, by what its schema says it is, as the JSON that takes the property's place. The
     * 100,000-item array of an item schema is written once and shared by every property (and operation) with it.
     */
    private Map<String, byte[]> badValues(JsonNode schema) {
        Map<String, byte[]> bad = new java.util.LinkedHashMap<>();
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
        switch (type) {
            case "string" -> {
                bad.put("a number", bytes(NODES.numberNode(12345)));
                bad.put("an object", bytes(NODES.objectNode()));
                bad.put("a NUL character", bytes(NODES.textNode("a\u0000b")));
                bad.put("a lone surrogate", bytes(NODES.textNode("a" + LONE_SURROGATE + "b")));
                int maxLength = schema.path("maxLength").asInt(Integer.MAX_VALUE);
                boolean shortBound = maxLength < MEGABYTE_STRING.length - 3;
                if (shortBound) {
                    bad.put(ONE_OVER_MAX_LENGTH, bytes(NODES.textNode("x".repeat(maxLength + 1))));
                }
                // Bounded: by a length below the megabyte, or by values the property checks below (enum, format).
                boolean bounded = shortBound || schema.path("enum").isArray() || !schema.path("format").asText("").isEmpty();
                if (!bounded || hugeValueSent.add(constraints(schema))) {
                    bad.put("a 1 MB string", MEGABYTE_STRING);
                }
                if (schema.path("enum").isArray()) {
                    bad.put("an unknown enum value", bytes(NODES.textNode("NOT_A_VALUE")));
                }
                if (!schema.path("format").asText("").isEmpty()) {
                    bad.put("text that is not a " + schema.path("format").asText(), bytes(NODES.textNode("not-a-" + schema.path("format").asText())));
                }
            }
            case "integer" -> {
                bad.put("a string", bytes(NODES.textNode("12")));
                bad.put("a decimal", bytes(NODES.numberNode(1.5)));
                bad.put("a number beyond 64 bits", bytes(NODES.numberNode(new java.math.BigInteger("99999999999999999999999"))));
                bad.put("a negative number", bytes(NODES.numberNode(-1)));
            }
            case "number" -> {
                bad.put("a string", bytes(NODES.textNode("1.5")));
                bad.put("a number beyond double", bytes(NODES.numberNode(new java.math.BigDecimal("1e400"))));
            }
            case "boolean" -> bad.put("a string", bytes(NODES.textNode("yes")));
            case "array" -> {
                bad.put("an object", bytes(NODES.objectNode()));
                bad.put("a string", bytes(NODES.textNode("x")));
                int maxItems = schema.path("maxItems").asInt(Integer.MAX_VALUE);
                if (maxItems < 100_000) {
                    bad.put(ONE_OVER_MAX_ITEMS, items(schema.path("items"), maxItems + 1));
                }
                if (maxItems >= 100_000 || hugeValueSent.add(constraints(schema))) {
                    bad.put("100,000 items", manyItems.computeIfAbsent(schema.path("items").toString(), key -> hundredThousand(schema.path("items"))));
                }
            }
            case "object" -> {
                bad.put("an array", bytes(NODES.arrayNode()));
                bad.put("a string", bytes(NODES.textNode("x")));
            }
            default -> { }
        }
        // A negative number is bad only where the schema says so; the check above needs a minimum.
        if (type.equals("integer") && !(schema.has("minimum") && schema.path("minimum").asLong() >= 0)) {
            bad.remove("a negative number");
        }
        return bad;
    }

    static List<String> badQueryValues(JsonNode schema) {
        String type = schema.path("type").asText("string");
        List<String> bad = new ArrayList<>(List.of("%00", "%ED%A0%80", "x".repeat(5000)));
        switch (type) {
            case "integer" -> bad.addAll(List.of("1.5", "99999999999999999999999", "abc", "-1"));
            case "number" -> bad.addAll(List.of("abc", "1e400"));
            case "boolean" -> bad.add("maybe");
            default -> {
                if (schema.path("enum").isArray()) {
                    bad.add("NOT_A_VALUE");
                }
                if (!schema.path("format").asText("").isEmpty()) {
                    bad.add("not-a-" + schema.path("format").asText());
                }
            }
        }
        if (type.equals("integer") && !(schema.has("minimum") && schema.path("minimum").asLong() >= 0)) {
            bad.remove("-1");
        }
        return bad;
    }

    /** A free-text query (a search string) may legitimately accept any text; the rest must refuse bad values. */
    private static boolean isFreeText(JsonNode schema) {
        return schema.path("type").asText("string").equals("string") && !schema.path("enum").isArray()
                && schema.path("format").asText("").isEmpty();
    }

    /** A JSON array of 100,000 plausible items of this schema, written straight to bytes. */
    static byte[] hundredThousand(JsonNode items) {
        return items(items, 100_000);
    }

    /** A JSON array of {@code count} plausible items of this schema, written straight to bytes. */
    static byte[] items(JsonNode items, int count) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (com.fasterxml.jackson.core.JsonGenerator generator = JSON.getFactory().createGenerator(out)) {
            generator.writeStartArray();
            for (int i = 0; i < count; i++) {
                JSON.writeTree(generator, plausible(items, 1, java.time.Instant.EPOCH));
            }
            generator.writeEndArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    /**
     * What a schema says a value may be, without its words (description, examples): two properties of the same
     * constraints are refused by the same declared rules, so the huge value is sent to the first of them only; each
     * still gets its limit + 1, which is where a rule that is not kept shows.
     */
    static String constraints(JsonNode schema) {
        ObjectNode kept = NODES.objectNode();
        for (String word : List.of("type", "format", "pattern", "enum", "minLength", "maxLength", "minimum", "maximum", "minItems",
                "maxItems", "required")) {
            if (schema.has(word)) {
                kept.set(word, schema.path(word));
            }
        }
        if (schema.has("items")) {
            kept.put("items", constraints(schema.path("items")));
        }
        if (schema.path("properties").isObject()) {
            ObjectNode properties = kept.putObject("properties");
            schema.path("properties").fields().forEachRemaining(property -> properties.put(property.getKey(), constraints(property.getValue())));
        }
        return kept.toString();
    }

    private static Map<String, StreamedRequest.Body> wholeBodies() {
        Map<String, StreamedRequest.Body> whole = new java.util.LinkedHashMap<>();
        whole.put("malformed JSON", StreamedRequest.Body.of("{\"a\": ".getBytes(StandardCharsets.UTF_8)));
        whole.put("an empty body", StreamedRequest.Body.of(new byte[0]));
        whole.put("a JSON array for an object", StreamedRequest.Body.of("[]".getBytes(StandardCharsets.UTF_8)));
        whole.put("JSON nested 10,000 deep", StreamedRequest.Body.of(("[".repeat(10_000) + "]".repeat(10_000)).getBytes(StandardCharsets.UTF_8)));
        whole.put(ELEVEN_MEGABYTES, StreamedRequest.Body.filled("{\"text\": \"", 'x', "\"}", 11 << 20));
        whole.put("invalid UTF-8", StreamedRequest.Body.of(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}));
        return java.util.Collections.unmodifiableMap(whole);
    }

    /** The body with its {@link #BAD_VALUE} placeholder (a JSON string) replaced by these bytes. */
    static byte[] splice(byte[] body, byte[] value) {
        String text = new String(body, StandardCharsets.UTF_8);
        int at = text.indexOf('"' + BAD_VALUE + '"');
        if (at < 0) {
            throw new IllegalStateException("no placeholder in " + text);
        }
        byte[] before = text.substring(0, at).getBytes(StandardCharsets.UTF_8);
        byte[] after = text.substring(at + BAD_VALUE.length() + 2).getBytes(StandardCharsets.UTF_8);
        byte[] spliced = new byte[before.length + value.length + after.length];
        System.arraycopy(before, 0, spliced, 0, before.length);
        System.arraycopy(value, 0, spliced, before.length, value.length);
        System.arraycopy(after, 0, spliced, before.length + value.length, after.length);
        return spliced;
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsString(node).replace(LONE_SURROGATE, "\\ud800").getBytes(StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String value) {
        return value.length() > 20 ? value.substring(0, 20) + "…(" + value.length() + ")" : value;
    }
}
