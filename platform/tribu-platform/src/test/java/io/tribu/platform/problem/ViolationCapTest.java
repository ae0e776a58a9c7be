package io.tribu.platform.problem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A problem lists at most 100 violations and counts the rest, in the answer and in its log line. */
@QuarkusTest
class ViolationCapTest {

    @Test
    void aBodyWithThousandsOfBadItemsAnswersTheFirstHundredAndCountsTheRest() {
        List<String> words = IntStream.range(0, 5000).mapToObj(i -> "BAD" + i).toList();
        List<String> logged = logLinesDuring(() -> {
            Response answer = RestAssured.given().contentType("application/json").body(Map.of("words", words))
                    .post("/platform-test/many-violations/validated");
            assertEquals(400, answer.statusCode());
            assertTrue(answer.contentType().startsWith("application/problem+json"), answer.contentType());
            List<Map<String, String>> violations = answer.jsonPath().getList("violations");
            assertEquals(ViolationCap.LISTED, violations.size());
            violations.forEach(violation -> {
                assertTrue(violation.get("field").startsWith("words["), violation.toString());
                assertEquals("must be lowercase letters", violation.get("message"));
                assertEquals("body", violation.get("in"));
            });
            assertEquals(5000 - ViolationCap.LISTED, answer.jsonPath().getInt("violationsOmitted"));
        });
        String line = logged.stream().filter(l -> l.contains("violationsOmitted")).findFirst()
                .orElseThrow(() -> new AssertionError("no capped problem logged: " + logged));
        assertTrue(line.contains("violationsOmitted=" + (5000 - ViolationCap.LISTED)), line);
        assertEquals(ViolationCap.LISTED, occurrences(line, "must be lowercase letters"), "the log line lists the first 100 only");
    }

    @Test
    void aServicesOwnListIsCappedTooAndAShortOneIsLeftAsItIs() {
        Response many = RestAssured.given().queryParam("count", 250).post("/platform-test/many-violations/listed");
        assertEquals(400, many.statusCode());
        assertEquals(Problems.INVALID_BODY.toString(), many.jsonPath().getString("type"));
        assertEquals("many rows are wrong", many.jsonPath().getString("detail"));
        assertEquals(ViolationCap.LISTED, many.jsonPath().getList("violations").size());
        assertEquals("rows[0]", many.jsonPath().getString("violations[0].field"));
        assertEquals("rows[99]", many.jsonPath().getString("violations[99].field"));
        assertEquals(150, many.jsonPath().getInt("violationsOmitted"));

        Response exactly = RestAssured.given().queryParam("count", ViolationCap.LISTED).post("/platform-test/many-violations/listed");
        assertEquals(ViolationCap.LISTED, exactly.jsonPath().getList("violations").size());
        assertNull(exactly.jsonPath().get("violationsOmitted"));
        assertFalse(exactly.asString().contains("violationsOmitted"));
    }

    private static List<String> logLinesDuring(Runnable action) {
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger("http-problem");
        logger.addHandler(handler);
        try {
            action.run();
        } finally {
            logger.removeHandler(handler);
        }
        return lines;
    }

    private static int occurrences(String text, String part) {
        Matcher matcher = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(part)).matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}
