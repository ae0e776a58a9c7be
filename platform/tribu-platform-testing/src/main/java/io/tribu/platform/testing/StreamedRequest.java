package io.tribu.platform.testing;

import io.restassured.RestAssured;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 request with a large body, on a connection of its own, to the service RestAssured is pointed at. The
 * body is written in pieces, never held whole; when asked to, the request asks first ({@code Expect: 100-continue})
 * and, if the server answers before it says "continue" (a 413 from the headers alone), the body is not sent at all.
 * A client that pushes the whole body after the server has answered spends seconds per request for nothing.
 */
final class StreamedRequest {

    /** How long a request that asks first waits for "continue" before it sends its body anyway (RFC 9110, 10.1.1). */
    static final Duration CONTINUE_WAIT = Duration.ofSeconds(2);
    private static final int READ_TIMEOUT_MILLIS = 60_000;

    private StreamedRequest() {
    }

    /** What came back, and how many bytes of the body had gone out when it did. */
    record Answer(int status, String contentType, String body, long bodyBytesSent) {
    }

    /** A body of a known length: {@code head}, then {@code fill} repeated, then {@code tail}. */
    static final class Body {
        private static final int PIECE = 64 * 1024;
        private final byte[] head;
        private final byte fill;
        private final long fillCount;
        private final byte[] tail;

        private Body(byte[] head, byte fill, long fillCount, byte[] tail) {
            this.head = head;
            this.fill = fill;
            this.fillCount = fillCount;
            this.tail = tail;
        }

        static Body of(byte[] bytes) {
            return new Body(bytes, (byte) 0, 0, new byte[0]);
        }

        /** {@code length} bytes in all: the head, as many {@code fill} as it takes, the tail. */
        static Body filled(String head, char fill, String tail, long length) {
            byte[] start = head.getBytes(StandardCharsets.UTF_8);
            byte[] end = tail.getBytes(StandardCharsets.UTF_8);
            return new Body(start, (byte) fill, length - start.length - end.length, end);
        }

        long length() {
            return head.length + fillCount + tail.length;
        }

        /** The whole body in memory: only for the small ones (those sent the ordinary way). */
        byte[] bytes() {
            if (length() > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("a body of " + length() + " bytes is streamed, never held");
            }
            byte[] bytes = new byte[(int) length()];
            System.arraycopy(head, 0, bytes, 0, head.length);
            Arrays.fill(bytes, head.length, head.length + (int) fillCount, fill);
            System.arraycopy(tail, 0, bytes, head.length + (int) fillCount, tail.length);
            return bytes;
        }

        /** Writes the body, counting what went out in {@code sent[0]} (kept when the server cuts the connection). */
        void writeTo(OutputStream out, long[] sent) throws IOException {
            write(out, head, head.length, sent);
            byte[] piece = new byte[(int) Math.min(PIECE, Math.max(fillCount, 1))];
            Arrays.fill(piece, fill);
            for (long left = fillCount; left > 0; left -= piece.length) {
                write(out, piece, (int) Math.min(piece.length, left), sent);
            }
            write(out, tail, tail.length, sent);
        }

        private static void write(OutputStream out, byte[] bytes, int length, long[] sent) throws IOException {
            out.write(bytes, 0, length);
            sent[0] += length;
        }
    }

    /**
     * Sends {@code method target} (path and query, as RestAssured's {@code basePath} continues them) with these headers
     * and body. With {@code askFirst} the body goes out only after the server's "100 Continue", or after
     * {@code continueWait} without any answer; a final answer that comes first is the answer, the body unsent.
     */
    static Answer send(String method, String target, Map<String, String> headers, Body body, boolean askFirst,
                       Duration continueWait) throws IOException {
        URI base = URI.create(RestAssured.baseURI);
        String basePath = RestAssured.basePath == null ? "" : RestAssured.basePath.replaceAll("/+$", "");
        return send(base.getHost() == null ? "localhost" : base.getHost(), base.getPort() > 0 ? base.getPort() : RestAssured.port,
                method, basePath + target, headers, body, askFirst, continueWait);
    }

    /** The same, to this host and port; {@code target} is the whole request target. */
    static Answer send(String host, int port, String method, String target, Map<String, String> headers, Body body,
                       boolean askFirst, Duration continueWait) throws IOException {
        StringBuilder head = new StringBuilder()
                .append(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: ").append(host).append(':').append(port).append("\r\n")
                .append("Content-Length: ").append(body.length()).append("\r\n")
                .append("Connection: close\r\n");
        if (askFirst) {
            head.append("Expect: 100-continue\r\n");
        }
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("\r\n");
        long[] sent = {0};
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), READ_TIMEOUT_MILLIS);
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            if (askFirst) {
                Head early = awaitContinue(socket, in, continueWait);
                if (early != null && early.status >= 200) {
                    return answer(early, in, method, 0);
                }
            }
            IOException cut = null;
            try {
                body.writeTo(out, sent);
                out.flush();
            } catch (IOException e) {
                cut = e; // the server answered and closed while the body was going out: its answer may be there to read
            }
            try {
                Head last = readHead(in);
                while (last.status < 200) {
                    last = readHead(in);
                }
                return answer(last, in, method, sent[0]);
            } catch (IOException e) {
                if (cut != null) {
                    e.addSuppressed(cut);
                }
                throw new IOException("no answer after " + sent[0] + " of " + body.length() + " body bytes: " + e, e);
            }
        }
    }

    /** The server's first answer to a request that asked first, or null when it said nothing in time. */
    private static Head awaitContinue(Socket socket, InputStream in, Duration wait) throws IOException {
        socket.setSoTimeout((int) Math.max(1, wait.toMillis()));
        try {
            return readHead(in);
        } catch (SocketTimeoutException silent) {
            return null;
        } finally {
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
        }
    }

    private record Head(int status, Map<String, String> headers) {
    }

    private static Head readHead(InputStream in) throws IOException {
        String statusLine = readLine(in);
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("not an HTTP status line: " + statusLine);
        }
        Map<String, String> headers = new HashMap<>();
        for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
        }
        return new Head(Integer.parseInt(parts[1]), headers);
    }

    private static Answer answer(Head head, InputStream in, String method, long sent) throws IOException {
        byte[] body;
        String length = head.headers.get("content-length");
        if (method.equals("HEAD") || head.status == 204 || head.status == 304) {
            body = new byte[0];
        } else if ("chunked".equalsIgnoreCase(head.headers.getOrDefault("transfer-encoding", ""))) {
            body = readChunked(in);
        } else if (length != null) {
            body = in.readNBytes(Integer.parseInt(length));
        } else {
            body = in.readAllBytes();
        }
        return new Answer(head.status, head.headers.getOrDefault("content-type", ""), new String(body, StandardCharsets.UTF_8), sent);
    }

    private static byte[] readChunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int size = chunkSize(readLine(in)); size > 0; size = chunkSize(readLine(in))) {
            body.write(in.readNBytes(size));
            readLine(in);
        }
        while (!readLine(in).isEmpty()) {
            // trailers: none of them matter here
        }
        return body.toByteArray();
    }

    private static int chunkSize(String line) {
        int extension = line.indexOf(';');
        return Integer.parseInt((extension < 0 ? line : line.substring(0, extension)).trim(), 16);
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("the connection closed in the middle of an answer's head");
            }
            line.write(b);
        }
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }
}
