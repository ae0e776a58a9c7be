package io.tribu.publishing.calendar;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The strict reader used on the feed must itself refuse what RFC 5545 refuses. */
class StrictIcsTest {

    static final String EVENT = "BEGIN:VEVENT\r\nUID:1\r\nDTSTAMP:20261201T000000Z\r\nDTSTART:20261224T180000Z\r\n"
            + "SUMMARY:%s\r\nEND:VEVENT\r\n";
    static final String VALID = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\n" + EVENT.formatted("Noël\\, enfin")
            + "END:VCALENDAR\r\n";

    @ParameterizedTest
    @ValueSource(strings = {
            "bare LF", "line too long", "unescaped comma", "missing UID", "missing VERSION", "unclosed event",
            "local DTSTART", "bad escape", "no final CRLF"})
    void refuses(String defect) {
        String document = switch (defect) {
            case "bare LF" -> VALID.replace("VERSION:2.0\r\n", "VERSION:2.0\n");
            case "line too long" -> VALID.replace("Noël\\, enfin", "x".repeat(70));
            case "unescaped comma" -> VALID.replace("Noël\\, enfin", "Noël, enfin");
            case "missing UID" -> VALID.replace("UID:1\r\n", "");
            case "missing VERSION" -> VALID.replace("VERSION:2.0\r\n", "");
            case "unclosed event" -> VALID.replace("END:VEVENT\r\n", "");
            case "local DTSTART" -> VALID.replace("20261224T180000Z", "20261224T180000");
            case "bad escape" -> VALID.replace("Noël\\, enfin", "Noël\\x");
            case "no final CRLF" -> VALID.substring(0, VALID.length() - 2);
            default -> throw new IllegalArgumentException(defect);
        };
        assertDoesNotThrow(() -> StrictIcs.parse(VALID.getBytes(StandardCharsets.UTF_8)));
        assertThrows(AssertionError.class, () -> StrictIcs.parse(document.getBytes(StandardCharsets.UTF_8)));
    }
}
