package io.tribu.k8s;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The chart's objects as kubectl users get them: without what only Helm adds (the helm.sh/chart
 * and managed-by labels, the checksum annotation that rolls pods on a ConfigMap change).
 */
final class KubectlView {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final ObjectMapper YAML_OUT = new ObjectMapper(new YAMLFactory()
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER));

    private KubectlView() {
    }

    /** kind/name -> normalized body, sorted. */
    static Map<String, Map<String, Object>> of(List<Manifest> objects) {
        Map<String, Map<String, Object>> byId = new TreeMap<>();
        for (Manifest object : objects) {
            Map<String, Object> copy = normalize(object);
            if (byId.put(object.id(), copy) != null) {
                throw new AssertionError(object.id() + " is defined twice");
            }
        }
        return byId;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> normalize(Manifest object) {
        Map<String, Object> copy = JSON.convertValue(object.body(), LinkedHashMap.class);
        for (String path : List.of("metadata", "spec.template.metadata")) {
            if (Manifest.at(copy, path) instanceof Map<?, ?> metadata) {
                Map<String, Object> meta = (Map<String, Object>) metadata;
                if (meta.get("labels") instanceof Map<?, ?> labels) {
                    labels.remove("helm.sh/chart");
                    labels.remove("app.kubernetes.io/managed-by");
                }
                if (meta.get("annotations") instanceof Map<?, ?> annotations) {
                    annotations.remove("checksum/config");
                    if (annotations.isEmpty()) {
                        meta.remove("annotations");
                    }
                }
            }
        }
        return copy;
    }

    /** Paths where two objects differ, for a readable failure. */
    static List<String> differences(Object expected, Object actual, String path) {
        List<String> out = new ArrayList<>();
        if (expected instanceof Map<?, ?> e && actual instanceof Map<?, ?> a) {
            TreeMap<String, Object> keys = new TreeMap<>();
            e.keySet().forEach(k -> keys.put(String.valueOf(k), k));
            a.keySet().forEach(k -> keys.put(String.valueOf(k), k));
            for (Object key : keys.values()) {
                out.addAll(differences(e.get(key), a.get(key), path + "." + key));
            }
        } else if (expected instanceof List<?> e && actual instanceof List<?> a && e.size() == a.size()) {
            for (int i = 0; i < e.size(); i++) {
                out.addAll(differences(e.get(i), a.get(i), path + "[" + i + "]"));
            }
        } else if (!Objects.equals(expected, actual)) {
            out.add(path + ": chart has " + expected + ", manifests have " + actual);
        }
        return out;
    }

    /** Writes objects as a multi-document YAML file, to regenerate the plain manifests from the chart. */
    static void write(Path file, String header, List<Map<String, Object>> objects) {
        StringBuilder out = new StringBuilder(header);
        try {
            for (Map<String, Object> object : objects) {
                out.append("---\n").append(YAML_OUT.writeValueAsString(object));
            }
            Files.createDirectories(file.getParent());
            Files.writeString(file, out.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
