package io.tribu.listening.source.youtube;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SearchCursorTest {

    static final Duration HOUR = Duration.ofHours(1);
    static final Instant START = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void aSweepKeepsItsPublishedAfterAndRemembersTheNewestVideoAcrossItsPages() {
        SearchCursor first = new SearchCursor(START, null, null);
        SearchCursor page2 = first.after(Instant.parse("2026-12-01T15:00:00Z"), "CDIQAA", HOUR);
        assertEquals(new SearchCursor(START, Instant.parse("2026-12-01T15:00:00Z"), "CDIQAA"), page2);
        SearchCursor page3 = page2.after(Instant.parse("2026-12-01T14:00:00Z"), "CGQQAA", HOUR);
        assertEquals(new SearchCursor(START, Instant.parse("2026-12-01T15:00:00Z"), "CGQQAA"), page3,
                "older pages do not lower the newest seen");
    }

    @Test
    void afterTheLastPageTheNextSweepStartsAtTheNewestLessTheOverlapNeverBackwards() {
        SearchCursor last = new SearchCursor(START, Instant.parse("2026-12-01T15:00:00Z"), "CGQQAA");
        assertEquals(new SearchCursor(Instant.parse("2026-12-01T14:00:00Z"), null, null), last.after(null, null, HOUR));
        assertEquals(new SearchCursor(Instant.parse("2026-12-01T15:30:00Z"), null, null),
                last.after(Instant.parse("2026-12-01T16:30:00Z"), null, HOUR), "the last page's videos count too");
        assertEquals(new SearchCursor(START, null, null),
                new SearchCursor(START, Instant.parse("2026-12-01T10:30:00Z"), null).after(null, null, HOUR),
                "newest less the overlap before the start: the start");
        assertEquals(new SearchCursor(START, null, null), new SearchCursor(START, null, null).after(null, null, HOUR),
                "nothing found: the same start");
    }

    @Test
    void theCursorIsStoredAsJsonAndReadBack() {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
        SearchCursor cursor = new SearchCursor(START, Instant.parse("2026-12-01T15:00:00Z"), "CDIQAA");
        assertEquals(cursor, SearchCursor.read(json, cursor.write(json), Instant.EPOCH));
        assertEquals(new SearchCursor(START, null, null), SearchCursor.read(json, null, START), "a new source: its start");
    }
}
