package io.tribu.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.restassured.RestAssured;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The probe against a small server that documents two operations: one that refuses bad input as it
 * should, and one with the defects the probe exists to find.
 */
class BadInputProbeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static HttpServer server;

    private static final String OPENAPI = """
            {"openapi": "3.1.0", "paths": {
              "/brands/{brandId}/notes": {"post": {
                "parameters": [{"name": "brandId", "in": "path", "required": true, "schema": {"type": "string"}}],
                "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Note"}}}},
                "responses": {"201": {"description": "stored"}, "4XX": {"description": "refused"}, "409": {"description": "never"}}}},
              "/brands/{brandId}/sloppy": {"post": {
                "responses": {"201": {"description": "stored"}},
                "parameters": [{"name": "brandId", "in": "path", "required": true, "schema": {"type": "string"}},
                               {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1}}],
                "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Note"}}}}}}},
             "components": {"schemas": {"Note": {"type": "object", "required": ["text"],
               "properties": {"text": {"type": "string", "maxLength": 100},
                              "kind": {"type": "string", "enum": ["idea", "todo"]}}}}}}""";

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/q/openapi", exchange -> answer(exchange, 200, "application/json", OPENAPI));
        server.createContext("/brands/b1/notes", BadInputProbeTest::strict);
        server.createContext("/brands/b1/sloppy", BadInputProbeTest::sloppy);
        server.createContext("/", BadInputProbeTest::root);
        server.start();
        RestAssured.port = server.getAddress().getPort();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
        RestAssured.reset();
    }

    /** Answers too long a request line 414 and too many headers 431, as problem+json unless {@link #bareLimits}. */
    private static void root(HttpExchange exchange) throws IOException {
        String type = bareLimits ? "text/plain" : "application/problem+json";
        if (exchange.getRequestURI().toString().length() > 8192) {
            answer(exchange, 414, type, bareLimits ? "" : "{\"status\":414}");
        } else if (exchange.getRequestHeaders().containsKey("X-Padding")) {
            answer(exchange, 431, type, bareLimits ? "" : "{\"status\":431}");
        } else {
            answer(exchange, 404, "application/problem+json", "{\"status\":404}");
        }
    }

    private static volatile boolean bareLimits;

    /** Refuses whatever is not {"text": short text without NUL or surrogates, "kind": idea|todo}, naming the field. */
    private static void strict(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (body.length > 1 << 20) {
            answer(exchange, 413, "application/problem+json", "{\"status\":413}");
            return;
        }
        String refused = refusal(body);
        if (refused != null) {
            answer(exchange, 400, "application/problem+json", "{\"status\":400,\"violations\":[{\"field\":\"" + refused + "\"}]}");
        } else {
            answer(exchange, 201, "application/json", "{}");
        }
    }

    private static String refusal(byte[] body) {
        JsonNode note;
        try {
            note = JSON.readTree(new String(body, StandardCharsets.UTF_8));
        } catch (Exception e) {
            return "body";
        }
        if (note == null || !note.isObject()) {
            return "body";
        }
        JsonNode text = note.path("text");
        if (!text.isTextual() || text.asText().length() > 100 || text.asText().contains("\u0000")
                || text.asText().chars().anyMatch(c -> Character.isSurrogate((char) c)) || text.asText().contains("\ufffd")) {
            return "text";
        }
        if (note.has("kind") && !List.of("idea", "todo").contains(note.path("kind").asText()) || note.has("kind") && !note.path("kind").isTextual()) {
            return "kind";
        }
        return null;
    }

    /** Fails with a 500 on a NUL, answers plain text to malformed JSON, accepts everything else. */
    private static void sloppy(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (body.contains("\\u0000")) {
            answer(exchange, 500, "application/problem+json", "{\"status\":500}");
        } else if (body.startsWith("{\"a\"")) {
            answer(exchange, 400, "text/plain", "bad");
        } else {
            answer(exchange, 201, "application/json", "{}");
        }
    }

    private static void answer(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    /** The JDK's test server never says "100 Continue": bodies that ask first go out after a short wait. */
    private static BadInputProbe probe() {
        return BadInputProbe.withToken("t").continueWait(Duration.ofMillis(50));
    }

    @Test
    void aStrictOperationHoldsAndASloppyOneIsReported() {
        List<BadInputProbe.Finding> findings = probe().pathValue("brandId", "b1").run();

        assertTrue(findings.stream().noneMatch(finding -> finding.operation().equals("POST /brands/{brandId}/notes")),
                () -> "the strict operation should hold: " + findings);
        List<BadInputProbe.Finding> sloppy = findings.stream()
                .filter(finding -> finding.operation().equals("POST /brands/{brandId}/sloppy")).toList();
        assertTrue(sloppy.stream().anyMatch(finding -> finding.status() == 500 && finding.input().equals("text = a NUL character")), sloppy::toString);
        assertTrue(sloppy.stream().anyMatch(finding -> finding.input().equals("malformed JSON") && finding.reason().startsWith("not problem+json")), sloppy::toString);
        assertTrue(sloppy.stream().anyMatch(finding -> finding.input().equals("kind = an unknown enum value") && finding.reason().equals("bad input accepted")), sloppy::toString);
        assertTrue(sloppy.stream().anyMatch(finding -> finding.input().startsWith("query limit=1.5") && finding.reason().equals("bad input accepted")), sloppy::toString);
    }

    @Test
    void anAnswerTheDocumentDoesNotDeclareIsReportedAndADeclaredOneNeverAnsweredIsOnlySaid() {
        List<String> said = new java.util.ArrayList<>();
        List<BadInputProbe.Finding> findings = probe().pathValue("brandId", "b1").progress(said::add).run();

        List<BadInputProbe.Finding> undocumented = findings.stream()
                .filter(finding -> finding.reason().startsWith("answered but not documented")).toList();
        assertEquals(List.of("POST /brands/{brandId}/sloppy 400", "POST /brands/{brandId}/sloppy 500"),
                undocumented.stream().map(finding -> finding.operation() + " " + finding.status()).toList(), undocumented::toString);
        assertTrue(undocumented.get(0).reason().endsWith("(documented: 201)"), undocumented::toString);
        // 4XX covers the strict operation's 400 and 413; its 409 is never answered, which is said, not failed.
        assertTrue(said.contains("POST /brands/{brandId}/notes: documented, not answered to the probe: 409"), said::toString);
    }

    @Test
    void theProbeAcceptsWhatTheOperationDocumentsItAnswersAndProblems() throws Exception {
        assertEquals("text/plain, application/problem+json", BadInputProbe.accept(JSON.readTree(
                "{\"200\": {\"content\": {\"text/plain\": {}}}, \"404\": {\"content\": {\"application/problem+json\": {}}}}")));
        assertEquals("application/json, application/problem+json", BadInputProbe.accept(JSON.readTree("{\"204\": {}}")));
    }

    @Test
    void skippedAndAcceptedOperationsAreLeftOut() {
        List<BadInputProbe.Finding> findings = probe().pathValue("brandId", "b1")
                .skip("POST /brands/{brandId}/sloppy").run();
        assertEquals(List.of(), findings);
    }

    @Test
    void anOverLongLineOrHeaderBlockWithoutProblemJsonIsReported() {
        bareLimits = true;
        try {
            List<BadInputProbe.Finding> findings = probe().pathValue("brandId", "b1")
                    .skip("POST /brands/{brandId}/sloppy").run();
            assertEquals(List.of("request line of 20,000 characters", "100 KB of headers"),
                    findings.stream().map(BadInputProbe.Finding::input).toList(), findings::toString);
        } finally {
            bareLimits = false;
        }
    }

    @Test
    void anOversizedBodyAsksFirstEverywhereAndIsSentWholeOnceToTheFirstOperationWithABody() {
        // The sloppy operation takes anything: each way the 11 MB reached it shows as accepted bad input.
        List<BadInputProbe.Finding> both = probe().pathValue("brandId", "b1").run();
        List<String> sloppy = both.stream().filter(finding -> finding.operation().equals("POST /brands/{brandId}/sloppy"))
                .map(BadInputProbe.Finding::input).toList();
        assertTrue(sloppy.contains("an 11 MB body"), sloppy::toString);
        assertFalse(sloppy.contains("an 11 MB body sent whole, without asking first"), "the notes operation came first: " + sloppy);

        List<String> alone = probe().pathValue("brandId", "b1").skip("POST /brands/{brandId}/notes").run()
                .stream().map(BadInputProbe.Finding::input).toList();
        assertTrue(alone.contains("an 11 MB body") && alone.contains("an 11 MB body sent whole, without asking first"), alone::toString);
    }

    @Test
    void aBoundedPropertyGetsItsLimitPlusOneAndTheMegabyteOncePerDistinctConstraints() {
        // Both operations' text is {"type": "string", "maxLength": 100}: the notes operation, first, gets the 1 MB string;
        // the sloppy one, which takes anything, shows 101 characters accepted and is not sent the megabyte again.
        List<String> sloppy = probe().pathValue("brandId", "b1").run().stream()
                .filter(finding -> finding.operation().equals("POST /brands/{brandId}/sloppy")).map(BadInputProbe.Finding::input).toList();
        assertTrue(sloppy.contains("text = a string one over its maxLength"), sloppy::toString);
        assertFalse(sloppy.contains("text = a 1 MB string"), sloppy::toString);

        List<String> alone = probe().pathValue("brandId", "b1").skip("POST /brands/{brandId}/notes").run()
                .stream().map(BadInputProbe.Finding::input).toList();
        assertTrue(alone.contains("text = a string one over its maxLength") && alone.contains("text = a 1 MB string"), alone::toString);
    }

    @Test
    void constraintsLeaveTheWordsOut() throws Exception {
        assertEquals(BadInputProbe.constraints(JSON.readTree("{\"type\": \"string\", \"maxLength\": 200, \"description\": \"the author\"}")),
                BadInputProbe.constraints(JSON.readTree("{\"type\": \"string\", \"maxLength\": 200, \"examples\": [\"Café\"]}")));
        assertFalse(BadInputProbe.constraints(JSON.readTree("{\"type\": \"string\", \"maxLength\": 200}")).equals(
                BadInputProbe.constraints(JSON.readTree("{\"type\": \"string\", \"maxLength\": 200, \"pattern\": \"[a-z]+\"}"))));
        assertFalse(BadInputProbe.constraints(JSON.readTree("{\"type\": \"array\", \"maxItems\": 7, \"items\": {\"type\": \"string\"}}")).equals(
                BadInputProbe.constraints(JSON.readTree("{\"type\": \"array\", \"maxItems\": 7, \"items\": {\"type\": \"integer\"}}"))));
        assertEquals(8, JSON.readTree(BadInputProbe.items(JSON.readTree("{\"type\": \"string\"}"), 8)).size());
    }

    @Test
    void oneHundredThousandItemsAreWrittenOnceAsAJsonArray() throws Exception {
        byte[] days = BadInputProbe.hundredThousand(JSON.readTree("{\"type\": \"string\", \"enum\": [\"MONDAY\", \"FRIDAY\"]}"));
        JsonNode array = JSON.readTree(days);
        assertEquals(100_000, array.size());
        assertTrue(java.util.stream.StreamSupport.stream(array.spliterator(), false).allMatch(day -> day.asText().equals("MONDAY")));
        assertEquals("{\"a\":[1,2],\"b\":\"x\"}", new String(BadInputProbe.splice(
                "{\"a\":\"BAD-VALUE-8d1f\",\"b\":\"x\"}".getBytes(StandardCharsets.UTF_8), "[1,2]".getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8));
    }

    /** A server that answers 413 from the headers alone: a request that asked first never sends its body. */
    @Test
    void aRequestThatAsksFirstStopsAtAnEarlyAnswerWithoutSendingItsBody() throws Exception {
        try (ServerSocket listener = new ServerSocket(0)) {
            CompletableFuture<Long> received = CompletableFuture.supplyAsync(() -> serveOnce(listener, (head, in, out) -> {
                assertTrue(head.contains("Expect: 100-continue"), head);
                answer(out, "HTTP/1.1 413 Content Too Large\r\nContent-Type: application/problem+json\r\nContent-Length: 14\r\n"
                        + "Connection: close\r\n\r\n{\"status\":413}");
                return in.readAllBytes().length; // what came after the head, until the client closed
            }));
            StreamedRequest.Answer answer = StreamedRequest.send("127.0.0.1", listener.getLocalPort(), "PUT", "/brands/b1/sla",
                    Map.of("Content-Type", "application/json"), StreamedRequest.Body.filled("{\"text\": \"", 'x', "\"}", 11 << 20), true,
                    Duration.ofMinutes(1));
            assertEquals(413, answer.status());
            assertEquals("application/problem+json", answer.contentType());
            assertEquals("{\"status\":413}", answer.body());
            assertEquals(0, answer.bodyBytesSent());
            assertEquals(0, received.get(1, TimeUnit.MINUTES));
        }
    }

    /** After "100 Continue" the whole body goes out; a chunked answer is read whole. */
    @Test
    void aRequestThatAsksFirstSendsItsBodyAfterContinue() throws Exception {
        long length = 3 << 20;
        try (ServerSocket listener = new ServerSocket(0)) {
            CompletableFuture<Long> received = CompletableFuture.supplyAsync(() -> serveOnce(listener, (head, in, out) -> {
                answer(out, "HTTP/1.1 100 Continue\r\n\r\n");
                long body = in.readNBytes((int) length).length;
                answer(out, "HTTP/1.1 400 Bad Request\r\nContent-Type: application/problem+json\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + "6\r\n{\"stat\r\n8;x=y\r\nus\":400}\r\n0\r\n\r\n");
                return body;
            }));
            StreamedRequest.Answer answer = StreamedRequest.send("127.0.0.1", listener.getLocalPort(), "POST", "/notes",
                    Map.of(), StreamedRequest.Body.filled("[", '1', "]", length), true, Duration.ofMinutes(1));
            assertEquals(400, answer.status());
            assertEquals("{\"status\":400}", answer.body());
            assertEquals(length, answer.bodyBytesSent());
            assertEquals(length, received.get(1, TimeUnit.MINUTES));
        }
    }

    /** A server that never says "continue" still gets the body, once the client has waited long enough. */
    @Test
    void aServerSilentToTheQuestionGetsTheBodyAfterTheWait() throws Exception {
        try (ServerSocket listener = new ServerSocket(0)) {
            CompletableFuture<Long> received = CompletableFuture.supplyAsync(() -> serveOnce(listener, (head, in, out) -> {
                long body = in.readNBytes(5).length;
                answer(out, "HTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\n{}");
                return body;
            }));
            StreamedRequest.Answer answer = StreamedRequest.send("127.0.0.1", listener.getLocalPort(), "POST", "/notes",
                    Map.of(), StreamedRequest.Body.of("[1,2]".getBytes(StandardCharsets.UTF_8)), true, Duration.ofMillis(100));
            assertEquals(201, answer.status());
            assertEquals(5, answer.bodyBytesSent());
            assertEquals(5, received.get(1, TimeUnit.MINUTES));
        }
    }

    private interface Exchange {
        long serve(String head, InputStream in, OutputStream out) throws IOException;
    }

    /** Accepts one connection, reads the request head and hands the rest to {@code exchange}. */
    private static long serveOnce(ServerSocket listener, Exchange exchange) {
        try (Socket socket = listener.accept()) {
            socket.setSoTimeout(60_000);
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("closed before the end of the head");
                }
                head.write(b);
            }
            return exchange.serve(head.toString(StandardCharsets.ISO_8859_1), in, socket.getOutputStream());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void answer(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
