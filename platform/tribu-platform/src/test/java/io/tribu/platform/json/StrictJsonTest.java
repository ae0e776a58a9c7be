package io.tribu.platform.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StrictJsonTest {

    record Body(String text, int count, Integer version, Instant at, List<String> tags, boolean flag) {
    }

    private final ObjectMapper mapper = StrictJson.apply(new ObjectMapper().registerModule(new JavaTimeModule()));

    @Test
    void wellTypedBodiesReadAsBefore() throws Exception {
        Body body = mapper.readValue("""
                {"text": "café 👋", "count": 3, "version": 2, "at": "2026-12-24T18:00:00Z", "tags": ["a"], "flag": true}""", Body.class);
        assertEquals(new Body("café 👋", 3, 2, Instant.parse("2026-12-24T18:00:00Z"), List.of("a"), true), body);
    }

    @Test
    void scalarsAreNotCoerced() {
        for (String json : List.of("{\"text\": 12345}", "{\"text\": 1.5}", "{\"text\": true}", "{\"count\": \"12\"}",
                "{\"count\": 1.5}", "{\"version\": 1.5}", "{\"at\": 12345}", "{\"flag\": \"yes\"}", "{\"count\": null}")) {
            assertThrows(MismatchedInputException.class, () -> mapper.readValue(json, Body.class), json);
        }
    }

    @Test
    void textThatCannotBeStoredIsRefusedWithItsField() {
        for (String json : List.of("{\"text\": \"a\\u0000b\"}", "{\"text\": \"a\\ud800b\"}", "{\"text\": \"a\\udc00\"}",
                "{\"tags\": [\"ok\", \"x\\u0000\"]}")) {
            MismatchedInputException refused = assertThrows(MismatchedInputException.class, () -> mapper.readValue(json, Body.class), json);
            assertTrue(refused instanceof StrictJson.InvalidTextException, json);
            assertTrue(refused.getPath().get(0).getFieldName().equals("text") || refused.getPath().get(0).getFieldName().equals("tags"), json);
        }
    }

    @Test
    void refusalNamesTheCharacter() {
        assertNull(StrictJson.refusal("emoji 👋 are pairs"));
        assertTrue(StrictJson.refusal("a\u0000").contains("NUL"));
        assertTrue(StrictJson.refusal("a\ud800").contains("\\ud800"));
        assertTrue(StrictJson.refusal("\udc00a").contains("\\udc00"));
    }
}
