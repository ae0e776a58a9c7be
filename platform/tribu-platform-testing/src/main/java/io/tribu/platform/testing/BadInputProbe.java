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
 * filled in), then one property at a time gets a wrong type, a NUL, a lone surrogate, a 1 MB string,
 * an unknown enum value or an out-of-range number; whole bodies are malformed JSON, 11 MB, or nested
 * 10,000 deep. Query parameters get NUL, invalid UTF-8, out-of-range and unreadable values; path ids
 * get values that are not ids.
 *
 * <p>Every status an operation answers is also held against the responses its document declares: an answer the
 * document does not declare is a finding (a client generated from the document has no type for it), and the
 * declared codes the probe never saw are reported through {@link #progress} as information.
 */
public final class BadInputProbe {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String MEGABYTE = "x".repeat(1 << 20);
    /** Jackson refuses to write a lone surrogate, so the JSON escape is put in after writing. */
    private static final String LONE_SURROGATE = "LONE-SURROGATE-8d1f";

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
                requests += operation.probe(findings);
                operation.compareWithDocument(findings, entry.getValue().path("responses"));
                progress.accept(name + ": " + (findings.size() - before) + " findings");
            }
        }
        requests += probeLimits(findings);
        progress.accept(requests + " requests, " + findings.size() + " findings");
        return findings;
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
                        check(findings, "path " + parameterName + "=" + abbreviate(bad), parameterName,
                                send(Map.of(parameterName, bad), Map.of(), validBody()), false);
                    }
                } else if (in.equals("query")) {
                    for (String bad : badQueryValues(schema)) {
                        requests++;
                        check(findings, "query " + parameterName + "=" + abbreviate(bad), parameterName,
                                send(Map.of(), Map.of(parameterName, bad), validBody()), !isFreeText(schema));
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
            Map<String, byte[]> whole = new java.util.LinkedHashMap<>();
            whole.put("malformed JSON", "{\"a\": ".getBytes(StandardCharsets.UTF_8));
            whole.put("an empty body", new byte[0]);
            whole.put("a JSON array for an object", "[]".getBytes(StandardCharsets.UTF_8));
            whole.put("JSON nested 10,000 deep", ("[".repeat(10_000) + "]".repeat(10_000)).getBytes(StandardCharsets.UTF_8));
            whole.put("an 11 MB body", elevenMegabytes());
            whole.put("invalid UTF-8", new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'});
            if (!"object".equals(body.path("type").asText("object"))) {
                whole.remove("a JSON array for an object");
            }
            for (Map.Entry<String, byte[]> entry : whole.entrySet()) {
                requests++;
                check(findings, entry.getKey(), null, send(Map.of(), Map.of(), entry.getValue()), true);
            }
            for (Iterator<Map.Entry<String, JsonNode>> properties = body.path("properties").fields(); properties.hasNext(); ) {
                Map.Entry<String, JsonNode> property = properties.next();
                JsonNode schema = resolve(document, property.getValue());
                if (schema.path("readOnly").asBoolean(false)) {
                    continue;
                }
                for (Map.Entry<String, JsonNode> bad : badValues(schema).entrySet()) {
                    ObjectNode mutated = (ObjectNode) plausible(body, 0, clock.instant());
                    mutated.set(property.getKey(), bad.getValue());
                    requests++;
                    check(findings, property.getKey() + " = " + bad.getKey(), property.getKey(),
                            send(Map.of(), Map.of(), bytes(mutated)), true);
                }
            }
            return requests;
        }

        private byte[] validBody() {
            return body == null ? null : bytes(plausible(body, 0, clock.instant()));
        }

        private Response send(Map<String, String> pathOverrides, Map<String, String> query, byte[] payload) {
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
            RequestSpecification request = RestAssured.given().urlEncodingEnabled(false)
                    .config(RestAssured.config().encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                    .header("Authorization", "Bearer " + token)
                    .header("Accept", accept);
            if (payload != null) {
                request = request.contentType("application/json").body(payload);
            }
            return request.request(method, url.toString());
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

        private void check(List<Finding> findings, String input, String field, Response response, boolean mustBeRefused) {
            int status = response.statusCode();
            answered.computeIfAbsent(name, key -> new java.util.TreeMap<>()).putIfAbsent(status, input);
            String contentType = response.contentType() == null ? "" : response.contentType();
            String text = response.asString();
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

    /** Bad values for one property, by what its schema says it is. */
    static Map<String, JsonNode> badValues(JsonNode schema) {
        Map<String, JsonNode> bad = new java.util.LinkedHashMap<>();
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
        switch (type) {
            case "string" -> {
                bad.put("a number", NODES.numberNode(12345));
                bad.put("an object", NODES.objectNode());
                bad.put("a NUL character", NODES.textNode("a\u0000b"));
                bad.put("a lone surrogate", NODES.textNode("a" + LONE_SURROGATE + "b"));
                bad.put("a 1 MB string", NODES.textNode(MEGABYTE));
                if (schema.path("enum").isArray()) {
                    bad.put("an unknown enum value", NODES.textNode("NOT_A_VALUE"));
                }
                if (!schema.path("format").asText("").isEmpty()) {
                    bad.put("text that is not a " + schema.path("format").asText(), NODES.textNode("not-a-" + schema.path("format").asText()));
                }
            }
            case "integer" -> {
                bad.put("a string", NODES.textNode("12"));
                bad.put("a decimal", NODES.numberNode(1.5));
                bad.put("a number beyond 64 bits", NODES.numberNode(new java.math.BigInteger("99999999999999999999999")));
                bad.put("a negative number", NODES.numberNode(-1));
            }
            case "number" -> {
                bad.put("a string", NODES.textNode("1.5"));
                bad.put("a number beyond double", NODES.numberNode(new java.math.BigDecimal("1e400")));
            }
            case "boolean" -> bad.put("a string", NODES.textNode("yes"));
            case "array" -> {
                bad.put("an object", NODES.objectNode());
                bad.put("a string", NODES.textNode("x"));
                ArrayNode many = NODES.arrayNode();
                for (int i = 0; i < 100_000; i++) {
                    many.add(plausible(schema.path("items"), 1, java.time.Instant.EPOCH));
                }
                bad.put("100,000 items", many);
            }
            case "object" -> {
                bad.put("an array", NODES.arrayNode());
                bad.put("a string", NODES.textNode("x"));
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

    private static byte[] elevenMegabytes() {
        byte[] bytes = new byte[11 << 20];
        java.util.Arrays.fill(bytes, (byte) 'x');
        byte[] head = "{\"text\": \"".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(head, 0, bytes, 0, head.length);
        bytes[bytes.length - 2] = '"';
        bytes[bytes.length - 1] = '}';
        return bytes;
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
