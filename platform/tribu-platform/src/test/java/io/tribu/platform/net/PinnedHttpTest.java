package io.tribu.platform.net;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.net.PfxOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DNS rebinding against the pinned client: the resolver answers 127.0.0.1 (allowed here, the stand-in for a public
 * address) and then 127.0.0.2 (refused). One server listens on every address and records which one each request
 * reached, with its Host header and TLS server name.
 */
class PinnedHttpTest {

    static final Vertx VERTX = Vertx.vertx();
    static final List<String> HITS = new CopyOnWriteArrayList<>();
    /** Pings the WebSocket path sent and the pongs it got back. */
    static final List<String> PONGS = new CopyOnWriteArrayList<>();
    static PfxOptions certificate;
    static int plainPort;
    static int tlsPort;

    @BeforeAll
    static void servers() throws Exception {
        // a certificate for rebind.test, made by the JDK's keytool
        Path keystore = Files.createTempDirectory("pinned").resolve("rebind.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "rebind", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=rebind.test",
                "-ext", "SAN=dns:rebind.test", "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", "secret", "-keypass", "secret").inheritIO().start();
        assertEquals(0, keytool.waitFor());
        certificate = new PfxOptions().setPath(keystore.toString()).setPassword("secret");
        plainPort = server(new HttpServerOptions());
        tlsPort = server(new HttpServerOptions().setSsl(true).setSni(true).setSslHandshakeTimeout(60).setKeyCertOptions(certificate));
    }

    static int server(HttpServerOptions options) throws Exception {
        HttpServer server = VERTX.createHttpServer(options.setHost("0.0.0.0")).requestHandler(request -> {
            HITS.add(request.localAddress().hostAddress() + " " + request.getHeader("Host")
                    + (request.isSSL() ? " sni=" + request.connection().indicatedServerName() : ""));
            if (request.path().equals("/ws")) {
                request.toWebSocket().onSuccess(socket -> {
                    // the rest only once the client answered the ping
                    socket.pongHandler(pong -> {
                        PONGS.add(pong.toString());
                        socket.writeFinalBinaryFrame(Buffer.buffer(new byte[] {1, 2, 3}));
                        socket.writeTextMessage("x".repeat(70_000));
                        socket.close();
                    });
                    socket.writeFrame(WebSocketFrame.textFrame("{\"first\":", false));
                    socket.writeFrame(WebSocketFrame.continuationFrame(Buffer.buffer("1}"), true));
                    socket.writeFrame(WebSocketFrame.pingFrame(Buffer.buffer("are you there")));
                });
                return;
            }
            if (request.path().equals("/stream")) {
                request.response().setChunked(true).write("event: update\r\ndata: {\"id\":");
                request.response().write("\"1\"}\n");
                request.response().end("\n");
                return;
            }
            request.response().end("x".repeat(request.path().equals("/big") ? 2_000 : 10));
        });
        return server.listen(0).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS).actualPort();
    }

    @AfterAll
    static void close() {
        VERTX.close();
    }

    @BeforeEach
    void forget() {
        HITS.clear();
        PONGS.clear();
    }

    @Test
    void theConnectionGoesToTheCheckedAddressAndKeepsTheName() throws Exception {
        UrlGuardTest.Answers dns = new UrlGuardTest.Answers("127.0.0.1", "127.0.0.2");
        PinnedHttp.Exchange answer = client(dns).fetch(URI.create("http://rebind.test:" + plainPort + "/feed"),
                new RequestOptions().setMethod(HttpMethod.GET), null, 100, Duration.ofSeconds(60));
        assertEquals(200, answer.status());
        assertEquals(List.of("127.0.0.1 rebind.test:" + plainPort), HITS);
        assertEquals(1, dns.lookups.get());
    }

    @Test
    void everyRequestIsCheckedAgainSoARebindingAnswerIsRefused() throws Exception {
        PinnedHttp http = client(new UrlGuardTest.Answers("127.0.0.1", "127.0.0.2"));
        URI url = URI.create("http://rebind.test:" + plainPort + "/feed");
        http.fetch(url, new RequestOptions(), null, 100, Duration.ofSeconds(60));
        UrlGuard.Refused refused = assertThrows(UrlGuard.Refused.class,
                () -> http.fetch(url, new RequestOptions(), null, 100, Duration.ofSeconds(60)));
        assertEquals("the host rebind.test resolves to an internal address (127.0.0.2)", refused.getMessage());
        assertEquals(List.of("127.0.0.1 rebind.test:" + plainPort), HITS);
    }

    @Test
    void tlsKeepsTheNameForSniAndTheCertificate() throws Exception {
        PinnedHttp http = new PinnedHttp(VERTX, new UrlGuard(List.of("127.0.0.1/32"),
                new UrlGuardTest.Answers("127.0.0.1", "127.0.0.2")),
                new HttpClientOptions().setTrustOptions(certificate).setSslHandshakeTimeout(60), new PoolOptions());
        PinnedHttp.Exchange answer = http.fetch(URI.create("https://rebind.test:" + tlsPort + "/"), new RequestOptions(), null,
                100, Duration.ofSeconds(60));
        assertEquals(200, answer.status());
        assertEquals(List.of("127.0.0.1 rebind.test:" + tlsPort + " sni=rebind.test"), HITS);
    }

    @Test
    void aStreamIsReadLineByLineFromTheCheckedAddress() throws Exception {
        try (PinnedHttp.Lines lines = client(new UrlGuardTest.Answers("127.0.0.1", "127.0.0.2"))
                .lines(URI.create("http://rebind.test:" + plainPort + "/stream"), new RequestOptions(), Duration.ofSeconds(60))) {
            assertEquals(200, lines.status());
            assertEquals("event: update", lines.next());
            assertEquals("data: {\"id\":\"1\"}", lines.next());
            assertEquals("", lines.next());
            assertEquals(null, lines.next());
        }
        assertEquals(List.of("127.0.0.1 rebind.test:" + plainPort), HITS);
    }

    @Test
    void aWebSocketIsOpenedAtTheCheckedAddressAndItsTextMessagesRead() throws Exception {
        PinnedHttp http = client(new UrlGuardTest.Answers("127.0.0.1", "127.0.0.2"));
        URI url = URI.create("ws://rebind.test:" + plainPort + "/ws");
        try (WebSocketMessages messages = http.webSocket(url, Duration.ofSeconds(60))) {
            assertEquals("{\"first\":1}", messages.next(Duration.ofSeconds(60)));
            assertEquals("x".repeat(70_000), messages.next(Duration.ofSeconds(60))); // the binary message is skipped
            assertEquals(null, messages.next(Duration.ofSeconds(60))); // closed by the server
        }
        assertEquals(List.of("127.0.0.1 rebind.test:" + plainPort), HITS);
        assertEquals(List.of("are you there"), PONGS);

        assertThrows(UrlGuard.Refused.class, () -> http.webSocket(url, Duration.ofSeconds(60)));
        assertEquals(1, HITS.size());
    }

    @Test
    void aSecureWebSocketKeepsTheNameForSniAndTheCertificate() throws Exception {
        PinnedHttp http = new PinnedHttp(VERTX, new UrlGuard(List.of("127.0.0.1/32"),
                new UrlGuardTest.Answers("127.0.0.1", "127.0.0.2")),
                new HttpClientOptions().setTrustOptions(certificate).setSslHandshakeTimeout(60), new PoolOptions());
        try (WebSocketMessages messages = http.webSocket(URI.create("wss://rebind.test:" + tlsPort + "/ws"), Duration.ofSeconds(60))) {
            assertEquals("{\"first\":1}", messages.next(Duration.ofSeconds(60)));
        }
        assertEquals(List.of("127.0.0.1 rebind.test:" + tlsPort + " sni=rebind.test"), HITS);
    }

    @Test
    void aPathThatIsNoWebSocketFailsTheHandshake() throws Exception {
        java.io.IOException refused = assertThrows(java.io.IOException.class, () -> client(new UrlGuardTest.Answers("127.0.0.1"))
                .webSocket(URI.create("ws://rebind.test:" + plainPort + "/feed"), Duration.ofSeconds(60)));
        assertEquals("the WebSocket handshake was answered 200", refused.getMessage());
    }

    @Test
    void aPrivateFirstAnswerSendsNothing() throws Exception {
        PinnedHttp http = client(new UrlGuardTest.Answers("127.0.0.2", "127.0.0.1"));
        assertThrows(UrlGuard.Refused.class, () -> http.fetch(URI.create("http://rebind.test:" + plainPort + "/"),
                new RequestOptions(), Buffer.buffer("secret"), 100, Duration.ofSeconds(60)));
        assertEquals(List.of(), HITS);
    }

    @Test
    void aBodyPastTheCapFails() throws Exception {
        PinnedHttp http = client(new UrlGuardTest.Answers("127.0.0.1"));
        PinnedHttp.TooLarge tooLarge = assertThrows(PinnedHttp.TooLarge.class, () -> http.fetch(
                URI.create("http://rebind.test:" + plainPort + "/big"), new RequestOptions(), null, 1_000, Duration.ofSeconds(60)));
        assertTrue(tooLarge.getMessage().contains("1000 bytes"));
    }

    static PinnedHttp client(UrlGuardTest.Answers dns) {
        return new PinnedHttp(VERTX, new UrlGuard(List.of("127.0.0.1/32"), dns), Duration.ofSeconds(5));
    }
}
