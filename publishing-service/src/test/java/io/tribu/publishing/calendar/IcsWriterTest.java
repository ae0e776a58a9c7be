package io.tribu.publishing.calendar;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

class IcsWriterTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "Réveillon : chocolat chaud offert",
            "Soldes, -30 % ; dès 8 h\\ pas avant",
            "Deux lignes\nici\r\net là\rfin",
            "☕🎄 emoji à la coupure ☕🎄☕🎄☕🎄☕🎄☕🎄☕🎄☕🎄☕🎄☕🎄☕🎄☕🎄☕🎄☕🎄☕🎄☕🎄☕🎄☕🎄☕🎄☕🎄☕🎄☕🎄☕🎄",
            "ééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé",
            "x"})
    void everyValueSurvivesEscapingAndFoldingUnderTheStrictReader(String value) {
        for (int pad = 0; pad < 4; pad++) {
            // Shifting the value by one octet at a time puts the fold at every position of a UTF-8 sequence.
            String summary = "a".repeat(pad) + value;
            String document = new IcsWriter().raw("BEGIN", "VCALENDAR").raw("VERSION", "2.0").raw("PRODID", "-//t//t//EN")
                    .raw("BEGIN", "VEVENT").raw("UID", "1").raw("DTSTAMP", "20261201T000000Z")
                    .raw("DTSTART", "20261224T180000Z").text("SUMMARY", summary).raw("END", "VEVENT")
                    .raw("END", "VCALENDAR").toString();
            StrictIcs.Component calendar = StrictIcs.parse(document.getBytes(StandardCharsets.UTF_8));
            String expected = summary.replace("\r\n", "\n").replace('\r', '\n');
            assertEquals(expected, calendar.children().get(0).text("SUMMARY"));
        }
    }
}
