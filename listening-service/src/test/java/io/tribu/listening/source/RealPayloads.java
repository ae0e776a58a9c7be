package io.tribu.listening.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;

/**
 * The real-world payloads kept beside the project in {@code ../shared/data/real-payloads} (never copied into the
 * repository): feeds, Mastodon REST responses, Bluesky Jetstream events. Found by walking up from the working
 * directory until a {@code shared/data/real-payloads} folder sits beside one of its parents.
 */
public final class RealPayloads {

    private RealPayloads() {
    }

    public static Path root() {
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("data").resolve("real-payloads");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no shared/data/real-payloads beside " + Paths.get("").toAbsolutePath()
                + " or any of its parents: the connectors' real payloads are missing");
    }

    /** Every file of a folder (and its subfolders) ending with the suffix, sorted by path. */
    public static List<Path> files(String folder, String suffix) {
        try (Stream<Path> walk = Files.walk(root().resolve(folder))) {
            return walk.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file's path below the payloads' root, for messages. */
    public static String name(Path file) {
        return root().relativize(file).toString();
    }
}
