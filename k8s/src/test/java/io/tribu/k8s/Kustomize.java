package io.tribu.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.zjsonpatch.JsonPatch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Builds a kustomization the way `kubectl kustomize` does, for the subset of kustomize the
 * Tribu manifests use, since neither kubectl nor kustomize is available to the build:
 * {@code resources} (files and directories), {@code patches} (RFC 6902 JSON patches, inline or
 * by path, with a target of kind, name and label selector), {@code labels} (pairs, with
 * includeTemplates) and {@code images} (newName, newTag), applied in kustomize's order: patches,
 * then labels, then images. Any other field fails the build instead of being ignored, so the
 * manifests cannot silently use a feature this check does not apply.
 */
final class Kustomize {

    private static final Set<String> SUPPORTED = Set.of("apiVersion", "kind", "resources", "patches", "labels", "images");
    private static final ObjectMapper JSON = new ObjectMapper();

    private Kustomize() {
    }

    static List<Manifest> build(Path dir) {
        Map<String, Object> kustomization = readKustomization(dir);
        for (String field : kustomization.keySet()) {
            if (!SUPPORTED.contains(field)) {
                throw new IllegalArgumentException(dir.resolve("kustomization.yaml") + ": `" + field
                        + "` is not supported by the build's kustomize check (supported: " + SUPPORTED + ")");
            }
        }
        List<Manifest> objects = new ArrayList<>();
        for (Object resource : list(kustomization.get("resources"))) {
            Path path = dir.resolve((String) resource).normalize();
            if (Files.isDirectory(path)) {
                objects.addAll(build(path));
            } else {
                objects.addAll(ChartRender.parse(Repo.read(path)));
            }
        }
        for (Object patch : list(kustomization.get("patches"))) {
            objects = applyPatch(dir, map(patch), objects);
        }
        for (Object labels : list(kustomization.get("labels"))) {
            applyLabels(map(labels), objects);
        }
        for (Object image : list(kustomization.get("images"))) {
            applyImage(map(image), objects);
        }
        return objects;
    }

    private static Map<String, Object> readKustomization(Path dir) {
        Path file = dir.resolve("kustomization.yaml");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no kustomization.yaml in " + dir);
        }
        return ChartRender.parse(Repo.read(file)).get(0).body();
    }

    private static List<Manifest> applyPatch(Path dir, Map<String, Object> patch, List<Manifest> objects) {
        for (String field : patch.keySet()) {
            if (!Set.of("target", "patch", "path").contains(field)) {
                throw new IllegalArgumentException("patch field `" + field + "` is not supported");
            }
        }
        String text = patch.containsKey("path") ? Repo.read(dir.resolve((String) patch.get("path"))) : (String) patch.get("patch");
        Object operations = ChartRender.parse("ops: " + "\n" + indent(text)).get(0).body().get("ops");
        if (!(operations instanceof List<?>)) {
            throw new IllegalArgumentException("only RFC 6902 (JSON patch) patches are supported, got: " + text);
        }
        JsonNode jsonPatch = JSON.valueToTree(operations);
        Map<String, Object> target = map(patch.get("target"));
        if (target == null) {
            throw new IllegalArgumentException("a JSON patch needs a target: " + text);
        }
        List<Manifest> result = new ArrayList<>();
        int matched = 0;
        for (Manifest object : objects) {
            if (matches(target, object)) {
                matched++;
                JsonNode patched = JsonPatch.apply(jsonPatch, JSON.valueToTree(object.body()));
                result.add(new Manifest(JSON.convertValue(patched, LinkedHashMap.class)));
            } else {
                result.add(object);
            }
        }
        if (matched == 0) {
            // kustomize accepts a patch without a match; here it is always a mistake.
            throw new IllegalArgumentException("patch target " + target + " matches no object");
        }
        return result;
    }

    private static boolean matches(Map<String, Object> target, Manifest object) {
        for (Map.Entry<String, Object> entry : target.entrySet()) {
            String value = String.valueOf(entry.getValue());
            boolean ok = switch (entry.getKey()) {
                case "kind" -> Pattern.matches(value, object.kind());
                case "name" -> Pattern.matches(value, object.name());
                case "version" -> object.apiVersion().endsWith(value);
                case "group" -> object.apiVersion().startsWith(value + "/");
                case "labelSelector" -> {
                    Map<String, String> labels = object.labels();
                    boolean all = true;
                    for (String requirement : value.split(",")) {
                        String[] kv = requirement.trim().split("=", 2);
                        all &= kv.length == 2 && kv[1].equals(labels.get(kv[0]));
                    }
                    yield all;
                }
                default -> throw new IllegalArgumentException("patch target field `" + entry.getKey() + "` is not supported");
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private static void applyLabels(Map<String, Object> labels, List<Manifest> objects) {
        for (String field : labels.keySet()) {
            if (!Set.of("pairs", "includeTemplates", "includeSelectors").contains(field)) {
                throw new IllegalArgumentException("labels field `" + field + "` is not supported");
            }
        }
        if (Boolean.TRUE.equals(labels.get("includeSelectors"))) {
            throw new IllegalArgumentException("labels with includeSelectors: true are not supported (selectors are immutable)");
        }
        Map<String, Object> pairs = map(labels.get("pairs"));
        for (Manifest object : objects) {
            Map<String, Object> metadata = (Map<String, Object>) object.body().get("metadata");
            ((Map<String, Object>) metadata.computeIfAbsent("labels", k -> new LinkedHashMap<>())).putAll(pairs);
            if (Boolean.TRUE.equals(labels.get("includeTemplates")) && object.get("spec.template.metadata") instanceof Map<?, ?> template) {
                ((Map<String, Object>) ((Map<String, Object>) template).computeIfAbsent("labels", k -> new LinkedHashMap<>())).putAll(pairs);
            }
        }
    }

    private static void applyImage(Map<String, Object> image, List<Manifest> objects) {
        for (String field : image.keySet()) {
            if (!Set.of("name", "newName", "newTag").contains(field)) {
                throw new IllegalArgumentException("images field `" + field + "` is not supported");
            }
        }
        String name = (String) image.get("name");
        for (Manifest object : objects) {
            for (Map<String, Object> container : object.containers()) {
                String current = (String) container.get("image");
                int colon = current.lastIndexOf(':');
                boolean tagged = colon > current.lastIndexOf('/');
                String currentName = tagged ? current.substring(0, colon) : current;
                if (currentName.equals(name)) {
                    String newName = (String) image.getOrDefault("newName", currentName);
                    String newTag = image.containsKey("newTag") ? (String) image.get("newTag") : tagged ? current.substring(colon + 1) : null;
                    container.put("image", newTag == null ? newName : newName + ":" + newTag);
                }
            }
        }
    }

    private static String indent(String text) {
        return text.lines().map(line -> "  " + line).reduce((a, b) -> a + "\n" + b).orElse("");
    }

    private static List<?> list(Object value) {
        return value == null ? List.of() : (List<?>) value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }
}
