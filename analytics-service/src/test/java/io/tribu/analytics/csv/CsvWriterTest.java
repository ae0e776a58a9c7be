package io.tribu.analytics.csv;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CsvWriterTest {

    @Test
    void cellsAreQuotedAndFormulasDefused() {
        StringBuilder csv = new StringBuilder();
        CsvWriter.line(csv, Arrays.asList("plain", "a,b", "say \"hi\"", "line\nbreak", "=HYPERLINK(\"x\")", -0.25, null, "@me"));
        assertEquals("plain,\"a,b\",\"say \"\"hi\"\"\",\"line\nbreak\",\"'=HYPERLINK(\"\"x\"\")\",-0.25,,'@me\r\n",
                csv.toString());
    }
}
