package io.tribu.platform.net;

import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.NetSocket;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The text messages of a WebSocket (RFC 6455) opened by {@link PinnedHttp#webSocket}, read by a blocking caller. The
 * opening handshake is an HTTP request pinned to the checked address like any other; once it is answered 101, this
 * reads the frames from that connection itself. Vert.x's own WebSocket client would resolve the host name again (its
 * connect options ignore the server address when a host is given): that second lookup is what pinning prevents.
 * Pings are answered, binary messages skipped; a message over {@link #MAX_MESSAGE} bytes fails the reading.
 */
public final class WebSocketMessages implements AutoCloseable {

    /** The largest message read (a Jetstream commit is a few KB). */
    public static final int MAX_MESSAGE = 1 << 20;
    /** Messages waiting for the reader before the connection is paused (TCP then holds the server back). */
    static final int HIGH_WATER = 1024;

    private static final String ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final Object END = new Object();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final BlockingQueue<Object> arrived = new LinkedBlockingQueue<>();
    private final String key;
    private Buffer pending = Buffer.buffer();
    private Buffer message;
    private boolean text;
    private NetSocket socket;
    private Context context;
    private volatile boolean paused;
    private boolean ended;

    WebSocketMessages() {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        key = Base64.getEncoder().encodeToString(nonce);
    }

    /** ws: and wss: open with an http: and https: request. */
    static URI handshakeUrl(URI url) {
        return URI.create(url.toString().replaceFirst("^(?i)ws", "http"));
    }

    /** The opening handshake's request. */
    RequestOptions handshake() {
        return new RequestOptions().setMethod(HttpMethod.GET)
                .putHeader("Connection", "Upgrade")
                .putHeader("Upgrade", "websocket")
                .putHeader("Sec-WebSocket-Version", "13")
                .putHeader("Sec-WebSocket-Key", key);
    }

    /** Takes over the connection the handshake was answered on (on its event loop); fails unless it was accepted. */
    WebSocketMessages attach(HttpClientResponse response, Context context) throws IOException {
        if (response.statusCode() != 101) {
            response.request().reset();
            throw new IOException("the WebSocket handshake was answered " + response.statusCode());
        }
        if (!accept(key).equals(response.getHeader("Sec-WebSocket-Accept"))) {
            response.request().reset();
            throw new IOException("the WebSocket handshake was answered without the right Sec-WebSocket-Accept");
        }
        this.context = context;
        socket = response.netSocket();
        socket.handler(this::received).exceptionHandler(arrived::add).endHandler(end -> arrived.add(END));
        return this;
    }

    /**
     * The next text message, waiting at most {@code wait}; null when none came by then or the server closed the
     * connection. A broken connection or a frame that breaks the protocol is thrown as an IOException.
     */
    public String next(Duration wait) throws IOException, InterruptedException {
        if (ended) {
            return null;
        }
        if (paused && arrived.size() < HIGH_WATER / 4) {
            paused = false;
            context.runOnContext(resume -> socket.resume());
        }
        Object next = arrived.poll(wait.toNanos(), TimeUnit.NANOSECONDS);
        if (next == null) {
            return null;
        }
        if (next == END) {
            ended = true;
            return null;
        }
        if (next instanceof Throwable failure) {
            ended = true;
            throw new IOException("the WebSocket connection failed: " + failure.getMessage(), failure);
        }
        return (String) next;
    }

    /** Sends a close frame (1000, normal) and closes the connection, from any thread. */
    @Override
    public void close() {
        context.runOnContext(close -> socket.write(clientFrame(0x8, Buffer.buffer(new byte[] {0x03, (byte) 0xE8})))
                .onComplete(written -> socket.close()));
    }

    /** On the event loop: frames are cut from the bytes as they arrive, whatever the TCP segments. */
    private void received(Buffer bytes) {
        pending.appendBuffer(bytes);
        while (!ended) {
            if (pending.length() < 2) {
                return;
            }
            int first = pending.getUnsignedByte(0);
            int second = pending.getUnsignedByte(1);
            if ((second & 0x80) != 0) {
                fail("a server's frame was masked");
                return;
            }
            long length = second & 0x7F;
            int header = 2;
            if (length == 126) {
                if (pending.length() < 4) {
                    return;
                }
                length = pending.getUnsignedShort(2);
                header = 4;
            } else if (length == 127) {
                if (pending.length() < 10) {
                    return;
                }
                length = pending.getLong(2);
                header = 10;
            }
            if (length < 0 || length > MAX_MESSAGE) {
                fail("a frame of " + length + " bytes, over " + MAX_MESSAGE);
                return;
            }
            if (pending.length() < header + length) {
                return;
            }
            Buffer payload = pending.getBuffer(header, header + (int) length);
            pending = pending.getBuffer(header + (int) length, pending.length());
            frame((first & 0x80) != 0, first & 0x0F, payload);
        }
    }

    private void frame(boolean fin, int opcode, Buffer payload) {
        switch (opcode) {
            case 0x1, 0x2 -> {
                text = opcode == 0x1;
                message = payload;
            }
            case 0x0 -> {
                if (message == null) {
                    fail("a continuation frame without a message");
                    return;
                }
                if (message.length() + payload.length() > MAX_MESSAGE) {
                    fail("a message over " + MAX_MESSAGE + " bytes");
                    return;
                }
                message.appendBuffer(payload);
            }
            case 0x8 -> {
                arrived.add(END);
                socket.close();
                return;
            }
            case 0x9 -> {
                socket.write(clientFrame(0xA, payload));
                return;
            }
            case 0xA -> {
                return;
            }
            default -> {
                fail("an unknown opcode " + opcode);
                return;
            }
        }
        if (fin) {
            if (text) {
                arrived.add(message.toString(StandardCharsets.UTF_8));
                if (arrived.size() >= HIGH_WATER && !paused) {
                    paused = true;
                    socket.pause();
                }
            }
            message = null;
        }
    }

    private void fail(String why) {
        arrived.add(new IOException(why));
        socket.close();
    }

    /** A client's frame, always masked (RFC 6455 5.3); only control frames (at most 125 bytes) are sent. */
    private static Buffer clientFrame(int opcode, Buffer payload) {
        byte[] mask = new byte[4];
        RANDOM.nextBytes(mask);
        Buffer frame = Buffer.buffer().appendByte((byte) (0x80 | opcode)).appendByte((byte) (0x80 | payload.length()))
                .appendBytes(mask);
        for (int i = 0; i < payload.length(); i++) {
            frame.appendByte((byte) (payload.getByte(i) ^ mask[i % 4]));
        }
        return frame;
    }

    static String accept(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest((key + ACCEPT_GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JDK", e);
        }
    }
}
