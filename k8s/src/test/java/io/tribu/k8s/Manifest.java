package io.tribu.k8s;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One Kubernetes object as parsed from YAML, with path helpers for the assertions. */
record Manifest(Map<String, Object> body) {

    String apiVersion() {
        return (String) body.get("apiVersion");
    }

    String kind() {
        return (String) body.get("kind");
    }

    String name() {
        return (String) get("metadata.name");
    }

    /** kind/name, unique within one namespace. */
    String id() {
        return kind() + "/" + name();
    }

    Map<String, String> labels() {
        return stringMap(get("metadata.labels"));
    }

    /** A value at a dotted path of map keys; list elements as [i]. Null when absent. */
    Object get(String path) {
        return at(body, path);
    }

    @SuppressWarnings("unchecked")
    static Object at(Object node, String path) {
        Object current = node;
        for (String part : path.split("\\.")) {
            if (current == null) {
                return null;
            }
            int bracket = part.indexOf('[');
            String key = bracket < 0 ? part : part.substring(0, bracket);
            if (!key.isEmpty()) {
                if (!(current instanceof Map<?, ?> map)) {
                    return null;
                }
                current = map.get(key);
            }
            while (bracket >= 0 && current != null) {
                int close = part.indexOf(']', bracket);
                int index = Integer.parseInt(part.substring(bracket + 1, close));
                List<Object> list = (List<Object>) current;
                current = index < list.size() ? list.get(index) : null;
                bracket = part.indexOf('[', close);
            }
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object node) {
        return node == null ? List.of() : (List<Map<String, Object>>) node;
    }

    static Map<String, String> stringMap(Object node) {
        Map<String, String> result = new LinkedHashMap<>();
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> result.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
        }
        return result;
    }

    /** The containers of a workload's pod template (empty for other kinds). */
    List<Map<String, Object>> containers() {
        return list(get("spec.template.spec.containers"));
    }

    /** Names of all env vars of the first container, in order. */
    List<String> envNames() {
        List<String> names = new ArrayList<>();
        for (Map<String, Object> env : list(at(containers().get(0), "env"))) {
            names.add((String) env.get("name"));
        }
        return names;
    }
}
