package io.tribu.platform.net;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.parsetools.RecordParser;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The HTTP client for URLs a user chose (feeds, webhooks, media, a Mastodon instance, a Jetstream WebSocket): before
 * every request the {@link UrlGuard} resolves the host once and checks every address, and the connection goes to the
 * checked address itself ({@link RequestOptions#setServer}), so a second DNS answer cannot send it inside
 * (DNS rebinding). The Host header, TLS SNI and the certificate check keep the URL's host name.
 * <p>
 * Vert.x's client rather than the JDK's: the JDK's {@code java.net.http.HttpClient} (Java 17) has no hook
 * for the address it connects to, and rewriting the URL to the address would break SNI, the certificate
 * check and the Host header (a restricted header there). Redirects are never followed here: a caller
 * follows them by hand, each hop a new, checked and pinned request.
 */
public final class PinnedHttp {

    private final Vertx vertx;
    private final UrlGuard guard;
    private final HttpClient client;

    /** Keep-alive connections, pooled per host and checked address. */
    public PinnedHttp(Vertx vertx, UrlGuard guard, Duration connectTimeout) {
        this(vertx, guard, new HttpClientOptions().setConnectTimeout((int) connectTimeout.toMillis()).setKeepAlive(true),
                new PoolOptions());
    }

    public PinnedHttp(Vertx vertx, UrlGuard guard, HttpClientOptions options, PoolOptions pool) {
        this.vertx = vertx;
        this.guard = guard;
        // SNI with the host name although the connection is made to an address
        this.client = vertx.createHttpClient(new HttpClientOptions(options).setForceSni(true), pool);
    }

    public UrlGuard guard() {
        return guard;
    }

    /**
     * Sends the request to the URL's checked address; fails with {@link UrlGuard.Refused} before anything is
     * sent when the guard refuses the URL. The URL is resolved on a worker thread, never on the event loop.
     */
    public Future<HttpClientResponse> send(URI url, RequestOptions options, Buffer body) {
        return request(url, options).compose(request -> body == null ? request.send() : request.send(body));
    }

    private Future<HttpClientRequest> request(URI url, RequestOptions options) {
        return vertx.<UrlGuard.Pinned>executeBlocking(() -> guard.pin(url), false).compose(pinned -> {
            options.setAbsoluteURI(url.toString())
                    .setServer(SocketAddress.inetSocketAddress(pinned.address()))
                    .setFollowRedirects(false);
            return client.request(options);
        });
    }

    /**
     * {@link #send} and its whole body, failing with {@link TooLarge} past {@code maxBytes}; with
     * {@code maxBytes} 0 the body is read and dropped (a webhook's answer).
     */
    public Future<Exchange> exchange(URI url, RequestOptions options, Buffer body, long maxBytes) {
        return send(url, options, body).compose(response -> {
            Promise<Exchange> read = Promise.promise();
            response.exceptionHandler(read::tryFail); // also takes the reset below
            String declared = response.getHeader("Content-Length");
            if (maxBytes > 0 && declared != null && declared.matches("[0-9]{1,18}") && Long.parseLong(declared) > maxBytes) {
                read.tryFail(new TooLarge(maxBytes));
                response.request().reset(); // refused before the first byte of the body
                return read.future();
            }
            Buffer received = Buffer.buffer();
            response.handler(chunk -> {
                if (maxBytes == 0) {
                    return;
                }
                if (received.length() + chunk.length() > maxBytes) {
                    read.tryFail(new TooLarge(maxBytes));
                    response.request().reset();
                    return;
                }
                received.appendBuffer(chunk);
            });
            response.endHandler(end -> read.tryComplete(new Exchange(response.statusCode(), response.headers(), received)));
            return read.future();
        });
    }

    /**
     * {@link #exchange} for a blocking caller (a worker thread, never an event loop), waiting at most
     * {@code timeout}. A refusal is thrown as {@link UrlGuard.Refused}; a failed or timed-out exchange as an
     * IOException.
     */
    public Exchange fetch(URI url, RequestOptions options, Buffer body, long maxBytes, Duration timeout)
            throws IOException, InterruptedException {
        options.setIdleTimeout(timeout.toMillis());
        return await(exchange(url, options, body, maxBytes), url, timeout);
    }

    /**
     * {@link #send} for a blocking caller that reads a long answer line by line (a stream of events): waits at
     * most {@code timeout} for the response's head, and fails like {@link #fetch}. Close the lines when done.
     */
    public Lines lines(URI url, RequestOptions options, Duration timeout) throws IOException, InterruptedException {
        Lines lines = new Lines();
        // attached on the event loop as the head arrives, before any of the body can be missed
        await(send(url, options, null).map(response -> lines.attach(response, Vertx.currentContext())), url, timeout);
        return lines;
    }

    /**
     * Opens a WebSocket at the URL's checked address ({@code ws:}, {@code wss:}), for a blocking caller that reads its
     * text messages (a stream of events): the handshake is a request pinned like {@link #send}, so the connection goes
     * to the address the guard checked, with the URL's host name in the Host header and TLS; Vert.x hands the
     * connection over once it is answered 101 ({@link HttpClientRequest#connect}). Waits at most {@code timeout} for
     * the handshake, and fails like {@link #fetch}. Close the messages when done.
     */
    public WebSocketMessages webSocket(URI url, Duration timeout) throws IOException, InterruptedException {
        WebSocketMessages messages = new WebSocketMessages();
        return await(request(WebSocketMessages.handshakeUrl(url), messages.handshake())
                .compose(HttpClientRequest::connect)
                .compose(response -> {
                    try {
                        return Future.succeededFuture(messages.attach(response, Vertx.currentContext()));
                    } catch (IOException refused) {
                        return Future.failedFuture(refused);
                    }
                }), url, timeout);
    }

    private static <T> T await(Future<T> answer, URI url, Duration timeout) throws IOException, InterruptedException {
        if (Context.isOnEventLoopThread()) {
            throw new IllegalStateException("a blocking call on an event loop");
        }
        try {
            return answer.toCompletionStage().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IOException("no answer from " + url.getHost() + " within " + timeout);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UrlGuard.Refused refused) {
                throw refused;
            }
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause().getMessage() == null ? e.getCause().getClass().getSimpleName()
                    : e.getCause().getMessage(), e.getCause());
        }
    }

    /** A whole answer: its status, headers and body. */
    public record Exchange(int status, MultiMap headers, Buffer body) {

        /** The first value of the header, or null. */
        public String header(String name) {
            return headers.get(name);
        }
    }

    /**
     * An answer read one line at a time by a blocking caller: each {@link #next} asks the connection for one more
     * line, so a slow reader holds the server back rather than filling memory.
     */
    public static final class Lines implements AutoCloseable {
        private static final Object END = new Object();
        private final BlockingQueue<Object> arrived = new LinkedBlockingQueue<>();
        private HttpClientResponse response;
        private Context context;
        private RecordParser parser;
        private boolean ended;

        private HttpClientResponse attach(HttpClientResponse response, Context context) {
            this.response = response;
            this.context = context;
            parser = RecordParser.newDelimited("\n", response);
            parser.handler(arrived::add).exceptionHandler(arrived::add).endHandler(end -> arrived.add(END));
            parser.pause();
            return response;
        }

        public int status() {
            return response.statusCode();
        }

        /** The next line without its line end (LF or CRLF), or null once the answer has ended. */
        public String next() throws IOException, InterruptedException {
            if (ended) {
                return null;
            }
            context.runOnContext(ask -> parser.fetch(1));
            Object line = arrived.take();
            if (line == END) {
                ended = true;
                return null;
            }
            if (line instanceof Throwable failure) {
                ended = true;
                throw new IOException("the answer broke off: " + failure.getMessage(), failure);
            }
            String text = ((Buffer) line).toString(StandardCharsets.UTF_8);
            return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
        }

        /** Closes the connection (from any thread); a {@link #next} waiting meanwhile is ended by interrupting it. */
        @Override
        public void close() {
            context.runOnContext(close -> response.request().reset());
        }
    }

    /** A body larger than the caller allows. */
    public static final class TooLarge extends IOException {
        public TooLarge(long maxBytes) {
            super("response larger than " + maxBytes + " bytes");
        }
    }
}
