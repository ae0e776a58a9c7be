package io.tribu.listening.source.mastodon;

import java.util.function.BiConsumer;

/**
 * Reads a text/event-stream line by line (the WHATWG format Mastodon's streaming API speaks): {@code event:} and
 * {@code data:} fields, several data lines joined by newlines, an empty line ends the event, lines starting
 * with a colon are comments (Mastodon's heartbeat). An event without a name is a {@code message}.
 */
final class ServerSentEvents {

    private final BiConsumer<String, String> onEvent;
    private String event;
    private StringBuilder data;

    ServerSentEvents(BiConsumer<String, String> onEvent) {
        this.onEvent = onEvent;
    }

    void line(String line) {
        if (line.isEmpty()) {
            if (data != null) {
                onEvent.accept(event == null ? "message" : event, data.toString());
            }
            event = null;
            data = null;
            return;
        }
        if (line.startsWith(":")) {
            return;
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        if (field.equals("event")) {
            event = value;
        } else if (field.equals("data")) {
            data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
        }
    }
}
