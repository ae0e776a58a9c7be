package io.tribu.platform.problem;

import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutagesTest {

    @Test
    void aRefusedConnectionDeepInTheChainIsAnOutage() {
        assertTrue(Outages.isOutage(new CompletionException(new IllegalStateException("pool",
                new ConnectException("Connection refused: /127.0.0.1:55432")))));
        assertTrue(Outages.isOutage(new java.nio.channels.ClosedChannelException()));
        assertTrue(Outages.isOutage(new SQLException("shutting down", "57P01")));
        assertTrue(Outages.isOutage(new SQLException("deadlock", "40P01")));
    }

    @Test
    void whatRetryingNeverFixesIsNot() {
        assertFalse(Outages.isOutage(new IllegalArgumentException("bad")));
        assertFalse(Outages.isOutage(new CompletionException(new NullPointerException())));
        assertFalse(Outages.isOutage(new SQLException("invalid byte sequence", "22021")));
        assertTrue(Outages.isUniqueViolation(new CompletionException(new SQLException("duplicate", "23505"))));
        assertFalse(Outages.isUniqueViolation(new SQLException("deadlock", "40P01")));
    }

    @Test
    void anOutageAnswers503ProblemWithRetryAfter() {
        var response = ErrorProblems.unavailable("/brands/b/mentions");
        assertEquals(503, response.getStatus());
        assertEquals("5", String.valueOf(response.getHeaders().getFirst("Retry-After")));
        assertEquals("application/problem+json", response.getMediaType().toString());
        @SuppressWarnings("unchecked")
        Map<String, Object> body = (Map<String, Object>) response.getEntity();
        assertEquals("https://tribu.io/problems/unavailable", body.get("type"));
    }
}
