package io.tribu.moderation.reply;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A saved reply's text with {@code {{variable}}} placeholders. Only known variables are allowed, so a
 * typo is caught when the reply is saved rather than sent to a customer.
 */
public final class ReplyTemplate {

    /** author: who wrote the interaction; brand: the brand id; agent: the moderator answering. */
    public static final Set<String> VARIABLES = Set.of("author", "brand", "agent");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-zA-Z_]+)\\s*}}");

    private ReplyTemplate() {
    }

    public static Set<String> unknownVariables(String text) {
        Set<String> unknown = new LinkedHashSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            if (!VARIABLES.contains(matcher.group(1))) {
                unknown.add(matcher.group(1));
            }
        }
        return unknown;
    }

    /** Fills the placeholders; a variable without a value (an anonymous author) becomes empty. */
    public static String render(String text, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder rendered = new StringBuilder();
        while (matcher.find()) {
            String value = values.getOrDefault(matcher.group(1), "");
            matcher.appendReplacement(rendered, Matcher.quoteReplacement(value == null ? "" : value));
        }
        matcher.appendTail(rendered);
        return rendered.toString().replaceAll(" {2,}", " ").trim();
    }
}
