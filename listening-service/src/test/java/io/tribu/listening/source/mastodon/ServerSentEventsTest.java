package io.tribu.listening.source.mastodon;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ServerSentEventsTest {

    @Test
    void eventsEndAtAnEmptyLineCommentsAreSkippedAndDataLinesAreJoined() {
        List<String> seen = new ArrayList<>();
        ServerSentEvents events = new ServerSentEvents((event, data) -> seen.add(event + "=" + data));
        for (String line : List.of(":thump", "", "event: update", "data: {\"id\":\"1\"}", "", "event:delete",
                "data:1", "", "data: first", "data: second", "", "event: update", ":thump")) {
            events.line(line);
        }
        assertEquals(List.of("update={\"id\":\"1\"}", "delete=1", "message=first\nsecond"), seen);
    }
}
