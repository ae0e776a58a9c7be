package io.tribu.listening.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Random listening queries over the whole grammar (AND, OR, NOT, groups, phrases, NEAR/n, wildcards,
 * hashtags, handles, field filters), built from the words of given mentions so that many of them match one.
 * Words keep their surface form (case, accents, elisions, curly apostrophes); a few queries are refused on
 * purpose (a filter inside a NEAR, nothing searchable), so refusals are compared too.
 */
final class QueryGenerator {

    private static final Set<String> OPERATORS = Set.of("AND", "OR", "NOT");
    private static final String[] FIELDS = {"lang:fr", "lang:en", "source:mastodon", "source:rss",
            "author:@marie_d", "author:\"Jean Dupont\"", "author:@critic"};

    private final Random random;
    private final List<List<String>> texts = new ArrayList<>();
    private List<String> text;

    QueryGenerator(Random random, List<MentionDocument> mentions) {
        this.random = random;
        for (MentionDocument mention : mentions) {
            List<String> words = new ArrayList<>();
            for (String raw : mention.text().split("\\s+")) {
                String word = raw.replaceAll("^[^\\p{L}\\p{N}#@_]+|[^\\p{L}\\p{N}_]+$", "")
                        .replaceAll("[\"():\\\\]", "");
                if (!word.isEmpty() && !OPERATORS.contains(word) && !word.startsWith("NEAR/")) {
                    words.add(word);
                }
            }
            if (!words.isEmpty()) {
                texts.add(words);
            }
        }
    }

    /** A query mostly made of the words of one text, so that it has a fair chance to match it. */
    String query() {
        text = texts.get(random.nextInt(texts.size()));
        return expression(0);
    }

    private String expression(int depth) {
        // NOT on its own matches nearly everything: only inside a conjunction or an alternative
        int choice = depth >= 3 ? 0 : random.nextInt(depth == 0 ? 6 : 10);
        return switch (choice) {
            case 1, 2 -> join(" ", depth);
            case 3 -> join(" AND ", depth);
            case 4 -> join(" OR ", depth);
            case 5 -> near(depth);
            case 6, 7 -> "NOT " + expression(depth + 1);
            case 8 -> "(" + expression(depth + 1) + ")";
            default -> primary();
        };
    }

    private String join(String operator, int depth) {
        List<String> operands = new ArrayList<>();
        int count = 2 + random.nextInt(2);
        for (int i = 0; i < count; i++) {
            String operand = expression(depth + 1);
            // an OR inside an AND needs its parentheses to stay one operand
            operands.add(operator.equals(" OR ") ? operand : "(" + operand + ")");
        }
        return String.join(operator, operands);
    }

    private String near(int depth) {
        return nearOperand(depth + 1) + " NEAR/" + (1 + random.nextInt(random.nextBoolean() ? 3 : 10)) + " "
                + nearOperand(depth + 1);
    }

    private String nearOperand(int depth) {
        int choice = depth >= 3 ? random.nextInt(3) : random.nextInt(12);
        return switch (choice) {
            case 0 -> word();
            case 1 -> phrase();
            case 2 -> wildcard();
            case 3, 4 -> "(" + nearOperand(depth + 1) + " OR " + nearOperand(depth + 1) + ")";
            case 5 -> "(" + near(depth) + ")";
            case 6 -> random.nextInt(5) == 0 ? FIELDS[random.nextInt(FIELDS.length)] : word();
            default -> word();
        };
    }

    private String primary() {
        return switch (random.nextInt(14)) {
            case 0, 1 -> phrase();
            case 2, 3 -> wildcard();
            case 4 -> "#" + bare(word());
            case 5 -> "@" + bare(word());
            case 6 -> FIELDS[random.nextInt(FIELDS.length)];
            case 7 -> random.nextInt(10) == 0 ? "!!!" : word();
            default -> word();
        };
    }

    /** Mostly words of four letters or more: "le" or "the" would make most queries match everything. */
    private String word() {
        String word = text.get(random.nextInt(text.size()));
        for (int tries = 0; tries < 3 && word.length() < 4; tries++) {
            word = text.get(random.nextInt(text.size()));
        }
        return word;
    }

    private static String bare(String word) {
        String bare = word.replaceAll("^[#@]+", "");
        return bare.isEmpty() ? "x" : bare;
    }

    /** Two to four consecutive words of the text. */
    private String phrase() {
        int start = random.nextInt(text.size());
        int end = Math.min(text.size(), start + 2 + random.nextInt(3));
        return '"' + String.join(" ", text.subList(start, end)) + '"';
    }

    private String wildcard() {
        String word = bare(word());
        int cut = 1 + random.nextInt(Math.max(1, word.length() - 1));
        return switch (random.nextInt(5)) {
            case 0 -> "*" + word.substring(Math.min(cut, word.length() - 1));
            case 1 -> word.substring(0, cut - 1) + "?" + word.substring(cut);
            case 2 -> word.substring(0, cut) + "*" + word.substring(word.length() - 1);
            default -> word.substring(0, cut) + "*";
        };
    }
}
