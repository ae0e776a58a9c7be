package io.tribu.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One repository per aggregate owns its SQL (STYLE.md): which class may name each table in a statement. Every string
 * literal of the service's main sources (text blocks included) is read for a table named after {@code from},
 * {@code join}, {@code into} or {@code update} (or in a {@code from a, b} list); a table named in any other class than
 * its owner and those allowed with a reason fails, with the file and line:
 * <pre>
 * TableOwners.in(Path.of("src/main/java"))
 *         .table("delivery", "DeliveryRepository")
 *         .table("post", "PostRepository").alsoIn("DeliveryRepository", "the lease statement moves its posts")
 *         .assertOwned();
 * </pre>
 * HQL names an entity rather than its table: a table named like its entity is matched too (case is ignored).
 */
public final class TableOwners {

    private static final Pattern LITERAL = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"", Pattern.DOTALL);
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);

    private final Path sources;
    private final Map<String, Set<String>> owners = new LinkedHashMap<>();
    private String last;

    private TableOwners(Path sources) {
        this.sources = sources;
    }

    /** The main sources of the module under test, e.g. {@code src/main/java}. */
    public static TableOwners in(Path sources) {
        return new TableOwners(sources);
    }

    /** {@code table}'s SQL belongs to the class named {@code owner} (its simple name). */
    public TableOwners table(String table, String owner) {
        owners.computeIfAbsent(table, t -> new LinkedHashSet<>()).add(owner);
        last = table;
        return this;
    }

    /** The last table's SQL may also appear in {@code className}, for the {@code reason} given (kept in the test). */
    public TableOwners alsoIn(String className, String reason) {
        if (last == null || reason.isBlank()) {
            throw new IllegalArgumentException("alsoIn follows a table() and gives its reason");
        }
        owners.get(last).add(className);
        return this;
    }

    /** Fails naming each statement outside its table's owner and allowed classes. */
    public void assertOwned() {
        List<String> strays = strays();
        if (!strays.isEmpty()) {
            throw new AssertionError("SQL naming a table outside the class that owns it (one repository per aggregate):\n  "
                    + String.join("\n  ", strays));
        }
    }

    List<String> strays() {
        List<String> strays = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(file -> file.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (files.isEmpty()) {
            throw new AssertionError("no Java sources under " + sources.toAbsolutePath());
        }
        for (Path file : files) {
            String className = file.getFileName().toString().replace(".java", "");
            String text = read(file);
            String code = blankComments(text);
            Matcher literal = LITERAL.matcher(code);
            while (literal.find()) {
                String sql = literal.group(1) != null ? literal.group(1) : literal.group(2);
                for (Map.Entry<String, Set<String>> table : owners.entrySet()) {
                    if (!table.getValue().contains(className) && names(sql, table.getKey())) {
                        int line = (int) code.substring(0, literal.start()).chars().filter(c -> c == '\n').count() + 1;
                        List<String> allowed = new ArrayList<>(table.getValue());
                        strays.add(sources.relativize(file) + ":" + line + " names " + table.getKey() + ", whose SQL belongs to "
                                + allowed.get(0) + (allowed.size() > 1
                                ? " (also allowed: " + String.join(", ", allowed.subList(1, allowed.size())) + ")" : ""));
                    }
                }
            }
        }
        return strays;
    }

    /** Whether the statement names {@code table} where a table goes. */
    static boolean names(String sql, String table) {
        String lower = table.toLowerCase(Locale.ROOT);
        // The keywords in any case; the table as SQL writes it or as its HQL entity (POST /brands is no table).
        String entity = Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
        return Pattern.compile("(?i:\\b(?:from|join|into|update)\\s+(?:only\\s+)?(?:\\w+(?:\\s+(?:as\\s+)?\\w+)?\\s*,\\s*)*)"
                        + "(?:" + Pattern.quote(lower) + "|" + Pattern.quote(entity) + ")\\b(?![\\w.(])")
                .matcher(sql).find();
    }

    /** Comments become spaces (line breaks kept, so lines still count), so prose in them is not read as SQL. */
    private static String blankComments(String text) {
        Matcher comment = COMMENT.matcher(text);
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (comment.find()) {
            // A // inside a string (a URL) is not a comment: keep the text when the match starts inside a literal.
            if (insideLiteral(text, comment.start())) {
                continue;
            }
            out.append(text, at, comment.start()).append(comment.group().replaceAll("[^\\n]", " "));
            at = comment.end();
        }
        return out.append(text.substring(at)).toString();
    }

    private static boolean insideLiteral(String text, int position) {
        Matcher literal = LITERAL.matcher(text);
        while (literal.find() && literal.start() < position) {
            if (literal.end() > position) {
                return true;
            }
        }
        return false;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
