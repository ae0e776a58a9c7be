package io.tribu.moderation.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.tribu.platform.json.StrictJson;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Text of a Meta delivery that PostgreSQL cannot store as it is (a NUL, an unpaired surrogate) is repaired in place:
 * each such character becomes U+FFFD, and the path of each repaired value is reported in the answer. A delivery is
 * not refused for it: Meta batches several interactions per delivery and resends a refused one until it gives up,
 * so refusing would lose the good ones with the bad, and a comment refused by moderation would stay on the page
 * unmoderated. The replacement character shows the moderator where the text was changed.
 */
final class MetaText {

    static final char REPLACEMENT = '\ufffd';

    private MetaText() {
    }

    /** Repairs the tree in place; returns one {field, message} per repaired value. */
    static List<Map<String, String>> repair(JsonNode delivery) {
        List<Map<String, String>> repaired = new ArrayList<>();
        repair(delivery, "", repaired);
        return repaired;
    }

    private static void repair(JsonNode node, String path, List<Map<String, String>> repaired) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                String at = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                TextNode fixed = fixed(field.getValue(), at, repaired);
                if (fixed != null) {
                    field.setValue(fixed);
                } else {
                    repair(field.getValue(), at, repaired);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                String at = path + "[" + i + "]";
                TextNode fixed = fixed(array.get(i), at, repaired);
                if (fixed != null) {
                    array.set(i, fixed);
                } else {
                    repair(array.get(i), at, repaired);
                }
            }
        }
    }

    private static TextNode fixed(JsonNode value, String path, List<Map<String, String>> repaired) {
        if (!value.isTextual()) {
            return null;
        }
        String refusal = StrictJson.refusal(value.asText());
        if (refusal == null) {
            return null;
        }
        repaired.add(Map.of("field", path, "message", refusal.replace("must not contain", "contained")
                + "; stored with U+FFFD in its place"));
        return TextNode.valueOf(storable(value.asText()));
    }

    /** The text with every NUL and unpaired surrogate replaced by U+FFFD. */
    static String storable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (c == '\u0000' || Character.isSurrogate(c)) {
                out.append(REPLACEMENT);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
