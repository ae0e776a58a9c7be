package io.tribu.listening.source.rss;

import io.tribu.listening.source.GuardedFetcher;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A feed's bytes as text, in the encoding XML and HTTP say, in this order: a UTF-16 byte order mark (no declaration
 * can be read without it), the XML declaration, the HTTP {@code Content-Type} charset, a UTF-8 byte order mark or
 * bytes that are valid UTF-8, else Windows-1252. Latin-1 and ASCII labels are read as Windows-1252, as browsers do:
 * feeds that say ISO-8859-1 use its curly quotes and dashes (bytes 0x80-0x9F).
 */
final class FeedCharset {

    private static final Pattern DECLARED = Pattern.compile("^\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']([^\"']+)[\"']");
    private static final Pattern HTTP_CHARSET = Pattern.compile("(?i);\\s*charset\\s*=\\s*\"?([^\";\\s]+)");
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private FeedCharset() {
    }

    /** @param contentType the response's Content-Type header, null when unknown */
    static String decode(byte[] body, String contentType) throws GuardedFetcher.SourceException {
        if (body.length >= 2 && (body[0] & 0xFF) == 0xFE && (body[1] & 0xFF) == 0xFF) {
            return new String(body, 2, body.length - 2, StandardCharsets.UTF_16BE);
        }
        if (body.length >= 2 && (body[0] & 0xFF) == 0xFF && (body[1] & 0xFF) == 0xFE) {
            return new String(body, 2, body.length - 2, StandardCharsets.UTF_16LE);
        }
        boolean utf8Bom = body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB
                && (body[2] & 0xFF) == 0xBF;
        int from = utf8Bom ? 3 : 0;
        Matcher declared = DECLARED.matcher(new String(body, from, Math.min(body.length - from, 512),
                StandardCharsets.ISO_8859_1));
        Charset charset;
        if (declared.find()) {
            charset = named(declared.group(1), "the XML declaration");
        } else if (contentType != null && HTTP_CHARSET.matcher(contentType).find()) {
            Matcher http = HTTP_CHARSET.matcher(contentType);
            http.find();
            charset = named(http.group(1), "the HTTP Content-Type");
        } else {
            charset = utf8Bom || validUtf8(body, from) ? StandardCharsets.UTF_8 : WINDOWS_1252;
        }
        return new String(body, from, body.length - from, charset);
    }

    private static Charset named(String label, String where) throws GuardedFetcher.SourceException {
        String name = label.trim().toLowerCase(Locale.ROOT);
        if (name.equals("iso-8859-1") || name.equals("iso8859-1") || name.equals("latin1") || name.equals("latin-1")
                || name.equals("us-ascii") || name.equals("ascii")) {
            return WINDOWS_1252;
        }
        if (name.equals("utf-16") || name.equals("utf-32")) {
            return StandardCharsets.UTF_8; // no byte order mark: the declaration was readable as ASCII, so it is not
        }
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new GuardedFetcher.SourceException("unknown character encoding \"" + label.trim() + "\" in " + where);
        }
    }

    /** The bytes as text when they are valid UTF-8 without control characters, else "". */
    static String utf8Text(byte[] bytes) {
        if (!validUtf8(bytes, 0)) {
            return "";
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        return text.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t') ? "" : text;
    }

    private static boolean validUtf8(byte[] body, int from) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body, from, body.length - from));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
