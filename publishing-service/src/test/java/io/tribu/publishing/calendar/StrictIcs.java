package io.tribu.publishing.calendar;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A strict reader of RFC 5545 documents for the tests: refuses bare LF/CR, physical lines over 75
 * octets, continuation lines not starting with a space or tab, unbalanced BEGIN/END, a VCALENDAR without
 * exactly one VERSION:2.0 and PRODID, a VEVENT without exactly one UID, DTSTAMP and DTSTART, badly
 * formed dates, and unescaped separators in TEXT values.
 */
final class StrictIcs {

    record Property(String name, Map<String, String> parameters, String value) {
    }

    record Component(String name, List<Property> properties, List<Component> children) {

        Property one(String property) {
            List<Property> found = properties.stream().filter(p -> p.name().equals(property)).toList();
            if (found.size() != 1) {
                throw new AssertionError(name + " must have exactly one " + property + ", has " + found.size());
            }
            return found.get(0);
        }

        /** The TEXT value, unescaped. */
        String text(String property) {
            return unescape(one(property).value());
        }
    }

    private static final Pattern NAME = Pattern.compile("[A-Z0-9-]+");
    private static final Pattern UTC_DATE_TIME = Pattern.compile("\\d{8}T\\d{6}Z");
    private static final Pattern DATE = Pattern.compile("\\d{8}");
    private static final List<String> TEXT_PROPERTIES = List.of("SUMMARY", "DESCRIPTION", "X-WR-CALNAME");

    private StrictIcs() {
    }

    static Component parse(byte[] document) {
        String text = new String(document, StandardCharsets.UTF_8);
        if (!text.endsWith("\r\n")) {
            throw new AssertionError("the document must end with CRLF");
        }
        List<String> logical = new ArrayList<>();
        int start = 0;
        byte[] bytes = document;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n' && (i == 0 || bytes[i - 1] != '\r')) {
                throw new AssertionError("bare LF at octet " + i);
            }
            if (bytes[i] == '\r' && (i + 1 >= bytes.length || bytes[i + 1] != '\n')) {
                throw new AssertionError("bare CR at octet " + i);
            }
            if (bytes[i] == '\n') {
                int length = i - 1 - start;
                if (length > 75) {
                    throw new AssertionError("line of " + length + " octets: "
                            + new String(bytes, start, length, StandardCharsets.UTF_8));
                }
                String line = new String(bytes, start, length, StandardCharsets.UTF_8);
                if (line.contains("\uFFFD")) {
                    throw new AssertionError("a fold cut a UTF-8 sequence: " + line);
                }
                if (line.startsWith(" ") || line.startsWith("\t")) {
                    if (logical.isEmpty()) {
                        throw new AssertionError("the document starts with a continuation line");
                    }
                    logical.set(logical.size() - 1, logical.get(logical.size() - 1) + line.substring(1));
                } else {
                    logical.add(line);
                }
                start = i + 1;
            }
        }
        Deque<Component> open = new ArrayDeque<>();
        Component root = null;
        for (String line : logical) {
            Property property = property(line);
            if (property.name().equals("BEGIN")) {
                Component component = new Component(property.value(), new ArrayList<>(), new ArrayList<>());
                if (open.isEmpty()) {
                    if (root != null) {
                        throw new AssertionError("a second top-level component");
                    }
                    root = component;
                } else {
                    open.peek().children().add(component);
                }
                open.push(component);
            } else if (property.name().equals("END")) {
                if (open.isEmpty() || !open.pop().name().equals(property.value())) {
                    throw new AssertionError("END:" + property.value() + " does not close the open component");
                }
            } else {
                if (open.isEmpty()) {
                    throw new AssertionError("a property outside any component: " + line);
                }
                open.peek().properties().add(property);
            }
        }
        if (root == null || !open.isEmpty() || !root.name().equals("VCALENDAR")) {
            throw new AssertionError("the document must be one complete VCALENDAR");
        }
        if (!root.one("VERSION").value().equals("2.0")) {
            throw new AssertionError("VERSION must be 2.0");
        }
        root.one("PRODID");
        for (Component event : root.children()) {
            if (!event.name().equals("VEVENT")) {
                continue;
            }
            event.one("UID");
            check(UTC_DATE_TIME, event.one("DTSTAMP").value(), "DTSTAMP");
            Property dtstart = event.one("DTSTART");
            check("DATE".equals(dtstart.parameters().get("VALUE")) ? DATE : UTC_DATE_TIME, dtstart.value(), "DTSTART");
        }
        return root;
    }

    static String unescape(String value) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\') {
                if (i + 1 >= value.length()) {
                    throw new AssertionError("a lone backslash ends " + value);
                }
                char next = value.charAt(++i);
                switch (next) {
                    case '\\', ';', ',' -> out.append(next);
                    case 'n', 'N' -> out.append('\n');
                    default -> throw new AssertionError("unknown escape \\" + next + " in " + value);
                }
            } else if (c == ';' || c == ',') {
                throw new AssertionError("unescaped '" + c + "' in TEXT " + value);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static Property property(String line) {
        int colon = line.indexOf(':');
        if (colon < 0) {
            throw new AssertionError("no colon in " + line);
        }
        String[] head = line.substring(0, colon).split(";");
        if (!NAME.matcher(head[0]).matches()) {
            throw new AssertionError("bad property name in " + line);
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 1; i < head.length; i++) {
            String[] pair = head[i].split("=", 2);
            if (pair.length != 2) {
                throw new AssertionError("bad parameter in " + line);
            }
            parameters.put(pair[0], pair[1]);
        }
        String value = line.substring(colon + 1);
        if (TEXT_PROPERTIES.contains(head[0])) {
            unescape(value);
        }
        return new Property(head[0], parameters, value);
    }

    private static void check(Pattern pattern, String value, String name) {
        if (!pattern.matcher(value).matches()) {
            throw new AssertionError(name + " is not well formed: " + value);
        }
    }
}
