package io.tribu.k8s;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The plain manifests for kubectl users agree with the chart, object by object and field by
 * field: base with the default values, overlays/dev with ci/dev-values.yaml, overlays/production
 * with ci/production-values.yaml. When they differ, the chart's version is written to
 * target/kustomize-expected/ to review and copy.
 */
class KustomizeAgreementTest {

    static Stream<Arguments> pairs() {
        return Stream.of(
                Arguments.of("base", (Supplier<List<Manifest>>) ChartRender::defaults),
                Arguments.of("overlays/dev", (Supplier<List<Manifest>>) ChartRender::dev),
                Arguments.of("overlays/production", (Supplier<List<Manifest>>) ChartRender::production));
    }

    @ParameterizedTest(name = "kustomize/{0} equals the chart''s render")
    @MethodSource("pairs")
    void manifestsEqualTheChart(String kustomization, Supplier<List<Manifest>> chart) {
        Map<String, Map<String, Object>> expected = KubectlView.of(chart.get());
        Map<String, Map<String, Object>> actual = KubectlView.of(Kustomize.build(Repo.KUSTOMIZE.resolve(kustomization)));

        List<String> problems = new ArrayList<>();
        for (String id : expected.keySet()) {
            if (!actual.containsKey(id)) {
                problems.add(id + " is rendered by the chart but missing from kustomize/" + kustomization);
            }
        }
        for (String id : actual.keySet()) {
            if (!expected.containsKey(id)) {
                problems.add(id + " is in kustomize/" + kustomization + " but not rendered by the chart");
            } else {
                KubectlView.differences(expected.get(id), actual.get(id), id).forEach(problems::add);
            }
        }
        if (!problems.isEmpty()) {
            Path written = writeExpected(kustomization, expected);
            fail("kustomize/" + kustomization + " disagrees with the chart (the chart's objects are in " + written + "):\n  "
                    + String.join("\n  ", problems));
        }
    }

    @ParameterizedTest(name = "kustomize/{0} objects are valid against the Kubernetes API")
    @MethodSource("pairs")
    void manifestsAreValid(String kustomization, Supplier<List<Manifest>> ignored) {
        for (Manifest object : Kustomize.build(Repo.KUSTOMIZE.resolve(kustomization))) {
            List<String> violations = new ArrayList<>(ApiSchema.violations(object));
            violations.addAll(ApiRules.violations(object));
            assertEquals(List.of(), violations, kustomization + " " + object.id());
        }
    }

    @Test
    void theCheckRefusesKustomizeFeaturesItDoesNotApply(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("kustomization.yaml"), """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources: []
                namePrefix: staging-
                """);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Kustomize.build(dir));
        assertTrue(error.getMessage().contains("`namePrefix` is not supported"), error.getMessage());
    }

    @Test
    void aPatchThatMatchesNothingIsAnError(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("kustomization.yaml"), """
                resources: [%s]
                patches:
                  - target: {kind: Deployment, name: tribu-nonexistent}
                    patch: |-
                      - op: replace
                        path: /spec/replicas
                        value: 3
                """.formatted(Repo.KUSTOMIZE.resolve("base")));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Kustomize.build(dir));
        assertTrue(error.getMessage().contains("matches no object"), error.getMessage());
    }

    @Test
    void aChangedManifestIsDetected(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("kustomization.yaml"), """
                resources: [%s]
                patches:
                  - target: {kind: Deployment, name: tribu-listening}
                    patch: |-
                      - op: replace
                        path: /spec/template/spec/containers/0/readinessProbe/httpGet/path
                        value: /health
                """.formatted(Repo.KUSTOMIZE.resolve("base")));
        Map<String, Map<String, Object>> chart = KubectlView.of(ChartRender.defaults());
        Map<String, Map<String, Object>> patched = KubectlView.of(Kustomize.build(dir));
        List<String> differences = KubectlView.differences(chart.get("Deployment/tribu-listening"),
                patched.get("Deployment/tribu-listening"), "Deployment/tribu-listening");
        assertEquals(1, differences.size(), differences.toString());
        assertTrue(differences.get(0).contains("readinessProbe.httpGet.path"), differences.get(0));
    }

    /** The chart's objects, by service and by kind, to review and copy into kustomize/. */
    private static Path writeExpected(String kustomization, Map<String, Map<String, Object>> expected) {
        Path out = Repo.K8S.resolve("target/kustomize-expected").resolve(kustomization);
        Map<String, List<Map<String, Object>>> byService = new TreeMap<>();
        Map<String, List<Map<String, Object>>> byKind = new TreeMap<>();
        for (Map<String, Object> object : expected.values()) {
            Manifest manifest = new Manifest(object);
            byService.computeIfAbsent(manifest.labels().getOrDefault("app.kubernetes.io/component", "suite"), k -> new ArrayList<>()).add(object);
            byKind.computeIfAbsent(manifest.kind().toLowerCase(), k -> new ArrayList<>()).add(object);
        }
        String header = "# Generated from the Helm chart (k8s/helm/tribu); KustomizeAgreementTest keeps the two equal.\n";
        byService.forEach((service, objects) -> KubectlView.write(out.resolve("by-service/" + service + ".yaml"), header, objects));
        byKind.forEach((kind, objects) -> KubectlView.write(out.resolve("by-kind/" + kind + ".yaml"), header, objects));
        return out;
    }
}
