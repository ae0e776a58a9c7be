package io.tribu.listening.source;

import org.jsoup.Jsoup;

import java.util.regex.Pattern;

/**
 * Plain text out of the HTML that feeds and timelines carry, as a person reads it: a tag inside a word
 * ({@code #<span>cats</span>}, a link whose middle Mastodon hides in {@code <span class="invisible">}) splits
 * nothing, blocks and line breaks become spaces, script and style contents are dropped, every HTML entity is
 * decoded. Jsoup parses as browsers do, so broken markup reads as a browser shows it.
 */
public final class HtmlText {

    private static final Pattern SPACES = Pattern.compile("[\\s\\u00a0]+");

    private HtmlText() {
    }

    public static String plain(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        String text = html.indexOf('<') < 0 && html.indexOf('&') < 0 ? html
                : Jsoup.parseBodyFragment(html).body().text();
        return SPACES.matcher(text).replaceAll(" ").trim();
    }
}
