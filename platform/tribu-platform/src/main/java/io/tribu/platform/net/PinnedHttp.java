package io.tribu.platform.net;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The HTTP client for URLs a user chose (feeds, webhooks, media, a Mastodon instance): before every request
 * the {@link UrlGuard} resolves the host once and checks every address, and the connection goes to the
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
        return vertx.<UrlGuard.Pinned>executeBlocking(() -> guard.pin(url), false).compose(pinned -> {
            options.setAbsoluteURI(url.toString())
                    .setServer(SocketAddress.inetSocketAddress(pinned.address()))
                    .setFollowRedirects(false);
            return client.request(options)
                    .compose(request -> body == null ? request.send() : request.send(body));
        });
    }

    /** {@link #send} and its whole body, failing with {@link TooLarge} past {@code maxBytes}. */
    public Future<Exchange> exchange(URI url, RequestOptions options, Buffer body, long maxBytes) {
        return send(url, options, body).compose(response -> {
            Promise<Exchange> read = Promise.promise();
            Buffer received = Buffer.buffer();
            response.exceptionHandler(read::tryFail);
            response.handler(chunk -> {
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
        if (Context.isOnEventLoopThread()) {
            throw new IllegalStateException("a blocking fetch on an event loop");
        }
        options.setIdleTimeout(timeout.toMillis());
        try {
            return exchange(url, options, body, maxBytes).toCompletionStage().toCompletableFuture()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
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

    /** A body larger than the caller allows. */
    public static final class TooLarge extends IOException {
        public TooLarge(long maxBytes) {
            super("response larger than " + maxBytes + " bytes");
        }
    }
}
