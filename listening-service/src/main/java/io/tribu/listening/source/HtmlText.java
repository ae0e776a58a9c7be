package io.tribu.listening.source;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Plain text out of the HTML that feeds and timelines carry: tags dropped, entities decoded. */
public final class HtmlText {

    private static final Pattern TAGS = Pattern.compile("<[^>]*>");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");
    private static final Map<String, String> NAMED = Map.of(
            "amp", "&", "lt", "<", "gt", ">", "quot", "\"", "apos", "'", "nbsp", " ",
            "rsquo", "’", "lsquo", "‘", "hellip", "…", "eacute", "é");

    private HtmlText() {
    }

    public static String plain(String html) {
        if (html == null) {
            return "";
        }
        String text = ENTITY.matcher(TAGS.matcher(html).replaceAll(" ")).replaceAll(entity ->
                Matcher.quoteReplacement(decode(entity.group(1), entity.group())));
        return SPACES.matcher(text).replaceAll(" ").trim();
    }

    /** Numeric references in full, the common named ones; anything else is left as written. */
    private static String decode(String reference, String original) {
        if (reference.startsWith("#")) {
            boolean hex = reference.length() > 1 && (reference.charAt(1) == 'x' || reference.charAt(1) == 'X');
            int codePoint = Integer.parseInt(reference.substring(hex ? 2 : 1), hex ? 16 : 10);
            return Character.isValidCodePoint(codePoint) ? Character.toString(codePoint) : original;
        }
        return NAMED.getOrDefault(reference, original);
    }
}
