package io.tribu.platform.problem;

import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.util.Map;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UnavailableProblemsTest {

    @Test
    void aRefusedConnectionDeepInTheChainIsAnOutage() {
        assertTrue(UnavailableProblems.isOutage(new CompletionException(new IllegalStateException("pool",
                new ConnectException("Connection refused: /127.0.0.1:55432")))));
        assertTrue(UnavailableProblems.isOutage(new java.nio.channels.ClosedChannelException()));
    }

    @Test
    void otherFailuresAreNot() {
        assertFalse(UnavailableProblems.isOutage(new IllegalArgumentException("bad")));
        assertFalse(UnavailableProblems.isOutage(new CompletionException(new NullPointerException())));
    }

    @Test
    void theAnswerIs503ProblemWithRetryAfter() {
        var response = UnavailableProblems.response("/brands/b/mentions");
        assertEquals(503, response.getStatus());
        assertEquals("5", String.valueOf(response.getHeaders().getFirst("Retry-After")));
        assertEquals("application/problem+json", response.getMediaType().toString());
        @SuppressWarnings("unchecked")
        Map<String, Object> body = (Map<String, Object>) response.getEntity();
        assertEquals("https://tribu.io/problems/unavailable", body.get("type"));
    }
}
