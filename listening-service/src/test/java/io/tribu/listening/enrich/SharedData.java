package io.tribu.listening.enrich;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads the labelled development sets kept beside the project in {@code ../shared/data} (never copied into
 * the repository). The directory is taken from {@code -Dtribu.shared.data} or {@code TRIBU_SHARED_DATA},
 * else found by walking up from the working directory.
 */
public final class SharedData {

    /** One labelled text; {@code label} is the file's label column, {@code language} comes from the file name. */
    public record Row(String file, String language, String label, String text) {
    }

    private SharedData() {
    }

    public static Optional<Path> root() {
        String configured = System.getProperty("tribu.shared.data", System.getenv("TRIBU_SHARED_DATA"));
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Paths.get(configured)).filter(Files::isDirectory);
        }
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared").resolve("data");
            if (Files.isDirectory(candidate.resolve("sentiment"))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    public static List<Path> files(Path root, String folder) {
        if (!Files.isDirectory(root.resolve(folder))) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(root.resolve(folder))) {
            return s.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Path> allFiles(Path root) {
        List<Path> out = new ArrayList<>();
        for (String folder : List.of("sentiment", "toxicity", "spam")) {
            out.addAll(files(root, folder));
        }
        return out;
    }

    public static List<Row> read(Path csv) {
        String content;
        try {
            content = Files.readString(csv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<List<String>> records = parse(content);
        List<String> header = records.get(0);
        int text = header.indexOf("text");
        int label = header.indexOf("label");
        String name = csv.getFileName().toString();
        // the sets are named <language>-...; the YouTube comments are English
        String language = name.matches("^[a-z]{2}-.*") ? name.substring(0, 2) : "en";
        List<Row> rows = new ArrayList<>(records.size());
        for (List<String> r : records.subList(1, records.size())) {
            if (r.size() > Math.max(text, label)) {
                rows.add(new Row(name, language, r.get(label), unescape(r.get(text))));
            }
        }
        return rows;
    }

    /** RFC 4180 CSV: quoted fields, doubled quotes, newlines inside quotes. */
    static List<List<String>> parse(String s) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < s.length() && s.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else if (c != '\r') {
                field.append(c);
            }
        }
        if (field.length() > 0 || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }

    /** The XLM-T files keep JSON-style escapes such as {@code \u2019} and {@code \u002c} in their text. */
    static String unescape(String s) {
        if (s.indexOf("\\u") < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 5 < s.length() && s.charAt(i + 1) == 'u') {
                try {
                    b.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
                    i += 5;
                    continue;
                } catch (NumberFormatException e) {
                    // not an escape: keep the backslash
                }
            }
            b.append(c);
        }
        return b.toString();
    }
}
