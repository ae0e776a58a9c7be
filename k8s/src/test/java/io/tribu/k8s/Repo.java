package io.tribu.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where things are: the tests run in k8s/, the services live next to it. */
final class Repo {

    static final Path K8S = locateK8s();
    static final Path ROOT = K8S.getParent();
    static final Path CHART = K8S.resolve("helm/tribu");
    static final Path DEFAULT_VALUES = CHART.resolve("values.yaml");
    static final Path DEV_VALUES = CHART.resolve("ci/dev-values.yaml");
    static final Path PRODUCTION_VALUES = CHART.resolve("ci/production-values.yaml");
    static final Path KUSTOMIZE = K8S.resolve("kustomize");

    private Repo() {
    }

    private static Path locateK8s() {
        Path dir = Path.of("").toAbsolutePath();
        if (Files.isDirectory(dir.resolve("helm/tribu"))) {
            return dir;
        }
        if (Files.isDirectory(dir.resolve("k8s/helm/tribu"))) {
            return dir.resolve("k8s");
        }
        throw new IllegalStateException("Run the tests from k8s/ or the repository root, not " + dir);
    }

    /** Every service of the suite that exists in this checkout: the folders named *-service with an application.properties. */
    static List<Path> servicePropertiesFiles() {
        try (Stream<Path> dirs = Files.list(ROOT)) {
            return dirs.filter(d -> d.getFileName().toString().endsWith("-service"))
                    .map(d -> d.resolve("src/main/resources/application.properties"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The console's application.properties (console/), when the console exists in this checkout. */
    static Path consolePropertiesFile() {
        return ROOT.resolve("console/src/main/resources/application.properties");
    }

    /** The defaults every service takes from the platform library (its application.properties wins). */
    static Path platformDefaultsFile() {
        return ROOT.resolve("platform/tribu-platform/src/main/resources/META-INF/microprofile-config.properties");
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
