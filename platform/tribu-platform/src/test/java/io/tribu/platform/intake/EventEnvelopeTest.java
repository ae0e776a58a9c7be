package io.tribu.platform.intake;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class EventEnvelopeTest {

    private static final String TYPE = "tribu.example.note.written.v1";
    private static final UUID ID = UUID.fromString("0193a0b2-7c1d-7e3f-8a9b-0c1d2e3f4a5b");

    @Test
    void theEnvelopeIsCheckedBeforeTheData() {
        assertEquals("missing id or unexpected type " + TYPE,
                EventEnvelope.defect(null, TYPE, "soleil", TYPE, () -> "data never read"));
        assertEquals("missing id or unexpected type tribu.example.note.written.v2",
                EventEnvelope.defect(ID, "tribu.example.note.written.v2", "soleil", TYPE, () -> "data never read"));
        assertEquals("missing id or unexpected type null", EventEnvelope.defect(ID, null, "soleil", TYPE, () -> "data never read"));
        assertEquals("missing tenant", EventEnvelope.defect(ID, TYPE, null, TYPE, () -> "data never read"));
        assertEquals("missing tenant", EventEnvelope.defect(ID, TYPE, " ", TYPE, () -> "data never read"));
    }

    @Test
    void aSoundEnvelopeLeavesTheVerdictToTheData() {
        assertEquals("missing data.noteId", EventEnvelope.defect(ID, TYPE, "soleil", TYPE, () -> "missing data.noteId"));
        assertNull(EventEnvelope.defect(ID, TYPE, "soleil", TYPE, () -> null));
    }

    @Test
    void blankIsAbsentOrOnlyWhiteSpace() {
        assertEquals(true, EventEnvelope.blank(null));
        assertEquals(true, EventEnvelope.blank(" \t"));
        assertEquals(false, EventEnvelope.blank("x"));
    }
}
