package io.tribu.k8s;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders the chart with the Helm library bundled by helm-java (`helm template`, client only),
 * as release `tribu` for Kubernetes 1.34, and parses the objects. Renders are cached per input,
 * since several test classes look at the same render.
 */
final class ChartRender {

    static final String RELEASE = "tribu";
    static final String KUBE_VERSION = "1.34.0";
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static final Map<String, List<Manifest>> CACHE = new ConcurrentHashMap<>();
    /** Wall time of each render, printed by the tests as a figure (not asserted). */
    static final Map<String, Long> RENDER_MILLIS = new ConcurrentHashMap<>();

    private ChartRender() {
    }

    static List<Manifest> defaults() {
        return render(List.of(), Map.of());
    }

    static List<Manifest> dev() {
        return render(List.of(Repo.DEV_VALUES), Map.of());
    }

    static List<Manifest> production() {
        return render(List.of(Repo.PRODUCTION_VALUES), Map.of());
    }

    /** The chart's values.yaml always applies; valuesFiles and then sets come on top, as with helm -f/--set. */
    static List<Manifest> render(List<Path> valuesFiles, Map<String, Object> sets) {
        String key = valuesFiles + " " + sets;
        return CACHE.computeIfAbsent(key, k -> parse(template(valuesFiles, sets)));
    }

    /** The raw `helm template` output; throws IllegalStateException with Helm's message when rendering fails. */
    static String template(List<Path> valuesFiles, Map<String, Object> sets) {
        long start = System.nanoTime();
        TemplateCommand template = new Helm(Repo.CHART).template()
                .withName(RELEASE)
                .withKubeVersion(KUBE_VERSION);
        valuesFiles.forEach(template::withValuesFile);
        sets.forEach(template::set);
        try {
            return template.call();
        } finally {
            RENDER_MILLIS.put(valuesFiles.stream().map(p -> p.getFileName().toString()).toList() + " " + sets,
                    (System.nanoTime() - start) / 1_000_000);
        }
    }

    static List<Manifest> parse(String yaml) {
        List<Manifest> objects = new ArrayList<>();
        try (JsonParser parser = YAML.getFactory().createParser(yaml);
             MappingIterator<Map<String, Object>> docs = YAML.readValues(parser, YAML.getTypeFactory()
                     .constructMapType(LinkedHashMap.class, String.class, Object.class))) {
            while (docs.hasNextValue()) {
                Map<String, Object> doc = docs.nextValue();
                if (doc != null && !doc.isEmpty()) {
                    objects.add(new Manifest(doc));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return objects;
    }
}
