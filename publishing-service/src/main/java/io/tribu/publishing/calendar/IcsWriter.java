package io.tribu.publishing.calendar;

import java.nio.charset.StandardCharsets;

/**
 * Writes iCalendar (RFC 5545) content lines: CRLF endings, lines folded at 75 octets without cutting
 * a UTF-8 sequence (continuations start with a space), TEXT values escaped.
 */
final class IcsWriter {

    static final int MAX_OCTETS = 75;

    private final StringBuilder out = new StringBuilder();

    /** A property whose value is TEXT: backslash, semicolon, comma and line breaks are escaped. */
    IcsWriter text(String name, String value) {
        return raw(name, escape(value));
    }

    /** A property whose value is written as given (dates, ids, already-escaped lists). */
    IcsWriter raw(String name, String value) {
        fold(name + ":" + value);
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    static String escape(String value) {
        StringBuilder escaped = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> escaped.append("\\\\");
                case ';' -> escaped.append("\\;");
                case ',' -> escaped.append("\\,");
                case '\n' -> escaped.append("\\n");
                case '\r' -> {
                    escaped.append("\\n");
                    if (i + 1 < value.length() && value.charAt(i + 1) == '\n') {
                        i++;
                    }
                }
                default -> {
                    // Other control characters are not allowed in TEXT (RFC 5545 §3.3.11).
                    if (c >= 0x20 || c == '\t') {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }

    /** Splits the line at code point boundaries so no physical line exceeds 75 octets, CRLF included not. */
    private void fold(String line) {
        int octets = 0;
        int limit = MAX_OCTETS;
        for (int i = 0; i < line.length(); ) {
            int codePoint = line.codePointAt(i);
            int width = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + width > limit) {
                out.append("\r\n ");
                octets = 1;     // the leading space of the continuation line counts
            }
            out.appendCodePoint(codePoint);
            octets += width;
            i += Character.charCount(codePoint);
        }
        out.append("\r\n");
    }
}
