package io.tribu.platform.intake;

import java.util.UUID;

/** The test consumer's reader record: a note to write, or (failing) one the database refuses every time. */
public record NoteWritten(UUID id, String type, Data data) implements IncomingEvent {

    public record Data(String note, boolean failing) {
    }

    @Override
    public String defect() {
        if (id == null) {
            return "no id";
        }
        return data == null ? "no data" : null;
    }
}
