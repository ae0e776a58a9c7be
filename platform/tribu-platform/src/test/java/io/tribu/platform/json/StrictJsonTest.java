package io.tribu.platform.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StrictJsonTest {

    /** Every field optional, so each case below is refused for its own field only. */
    record Body(String text, Integer count, Long total, Instant at, List<String> tags, Boolean flag, LocalDate day) {
    }

    /** The mapper as Quarkus builds it: the Java time module first, then the customizer. */
    private final ObjectMapper mapper = StrictJson.apply(new ObjectMapper().registerModule(new JavaTimeModule()));

    @Test
    void wellTypedBodiesReadAsBefore() throws Exception {
        Body body = mapper.readValue("""
                {"text": "café 👋", "count": 3, "total": 9000000000, "at": "2026-12-24T18:00:00Z", "tags": ["a"], "flag": true,
                 "day": "2026-12-24"}""", Body.class);
        assertEquals(new Body("café 👋", 3, 9_000_000_000L, Instant.parse("2026-12-24T18:00:00Z"), List.of("a"), true,
                LocalDate.parse("2026-12-24")), body);
        assertEquals(new Body(null, null, null, null, null, null, null), mapper.readValue("{}", Body.class));
    }

    @Test
    void scalarsAreNotCoercedAndEachRefusalNamesItsField() {
        List<List<String>> cases = List.of(
                List.of("{\"text\": 12345}", "text"), List.of("{\"text\": 1.5}", "text"), List.of("{\"text\": true}", "text"),
                List.of("{\"count\": \"12\"}", "count"), List.of("{\"count\": 1.5}", "count"),
                List.of("{\"count\": 99999999999}", "count"), List.of("{\"total\": 1.5}", "total"),
                List.of("{\"at\": 12345}", "at"), List.of("{\"at\": 1.5}", "at"), List.of("{\"at\": \"12345\"}", "at"),
                List.of("{\"at\": \"+300000-01-01T00:00:00Z\"}", "at"), List.of("{\"flag\": \"yes\"}", "flag"),
                List.of("{\"day\": 12345}", "day"), List.of("{\"day\": [2026, 12, 1]}", "day"),
                List.of("{\"day\": \"2026-12-01T00:00:00Z\"}", "day"), List.of("{\"day\": \"+10000-01-01\"}", "day"));
        for (List<String> refused : cases) {
            MismatchedInputException e = assertThrows(MismatchedInputException.class, () -> mapper.readValue(refused.get(0), Body.class), refused.get(0));
            assertEquals(refused.get(1), e.getPath().get(0).getFieldName(), refused.get(0));
        }
    }

    @Test
    void textThatCannotBeStoredIsRefusedWithItsField() {
        for (String json : List.of("{\"text\": \"a\\u0000b\"}", "{\"text\": \"a\\ud800b\"}", "{\"text\": \"a\\udc00\"}",
                "{\"tags\": [\"ok\", \"x\\u0000\"]}")) {
            MismatchedInputException refused = assertThrows(MismatchedInputException.class, () -> mapper.readValue(json, Body.class), json);
            assertTrue(refused instanceof StrictJson.InvalidTextException, json);
            assertTrue(List.of("text", "tags").contains(refused.getPath().get(0).getFieldName()), json);
        }
    }

    @Test
    void refusalNamesTheCharacterAndCleaningReplacesIt() {
        assertNull(StrictJson.refusal("emoji 👋 are pairs"));
        assertTrue(StrictJson.refusal("a\u0000").contains("NUL"));
        assertTrue(StrictJson.refusal("a\ud800").contains("\\ud800"));
        assertTrue(StrictJson.refusal("\udc00a").contains("\\udc00"));
        assertEquals("a\ufffdb\ufffd 👋", StrictJson.cleaned("a\u0000b\ud800 👋"));
        assertEquals("clean", StrictJson.cleaned("clean"));
    }
}
