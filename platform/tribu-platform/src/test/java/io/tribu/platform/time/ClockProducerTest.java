package io.tribu.platform.time;

import io.quarkus.runtime.LaunchMode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClockProducerTest {

    @Test
    void anOffsetMovesTheClockAheadOutsideProduction() {
        Instant before = Instant.now().plus(Duration.ofDays(365));
        Instant read = ClockProducer.clockFor(LaunchMode.TEST, Duration.ofDays(365)).instant();
        Instant after = Instant.now().plus(Duration.ofDays(365));
        assertTrue(!read.isBefore(before) && !read.isAfter(after), read + " not between " + before + " and " + after);
    }

    @Test
    void withoutAnOffsetItIsTheWallClock() {
        Instant before = Instant.now();
        Instant read = ClockProducer.clockFor(LaunchMode.NORMAL, Duration.ZERO).instant();
        assertTrue(!read.isBefore(before) && !read.isAfter(Instant.now()));
        assertEquals(java.time.ZoneOffset.UTC, ClockProducer.clockFor(LaunchMode.NORMAL, Duration.ZERO).getZone());
    }

    @Test
    void productionRefusesAnOffset() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> ClockProducer.clockFor(LaunchMode.NORMAL, Duration.ofDays(1)));
        assertTrue(refused.getMessage().contains("tribu.clock.offset"));
    }
}
