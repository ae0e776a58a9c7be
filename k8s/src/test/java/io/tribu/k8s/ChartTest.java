package io.tribu.k8s;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The chart lints, renders for default, dev and production values, and every object is valid. */
class ChartTest {

    static final List<String> SERVICES = List.of("analytics", "listening", "moderation", "publishing");
    /** What the chart deploys: the four services and the console. */
    static final List<String> COMPONENTS = List.of("analytics", "console", "listening", "moderation", "publishing");

    static Stream<Arguments> renders() {
        return Stream.of(
                Arguments.of("default values", (Supplier<List<Manifest>>) ChartRender::defaults),
                Arguments.of("ci/dev-values.yaml", (Supplier<List<Manifest>>) ChartRender::dev),
                Arguments.of("ci/production-values.yaml", (Supplier<List<Manifest>>) ChartRender::production));
    }

    @Test
    void lintsStrictly() {
        LintResult lint = new Helm(Repo.CHART).lint().strict().call();
        assertFalse(lint.isFailed(), "helm lint --strict: " + lint.getMessages());
    }

    @ParameterizedTest(name = "{0}: every object is valid against the Kubernetes API")
    @MethodSource("renders")
    void everyObjectIsValid(String values, Supplier<List<Manifest>> render) {
        Map<String, List<String>> invalid = new TreeMap<>();
        for (Manifest object : render.get()) {
            List<String> violations = new ArrayList<>(ApiSchema.violations(object));
            violations.addAll(ApiRules.violations(object));
            if (!violations.isEmpty()) {
                invalid.put(object.id(), violations);
            }
        }
        assertEquals(Map.of(), invalid, values);
    }

    @Test
    void defaultsRenderTheFourServicesAndTheConsoleWithoutOptionalObjects() {
        assertEquals(kindsPerService(Set.of("ServiceAccount", "ConfigMap", "Service", "Deployment")), kinds(ChartRender.defaults()));
    }

    @Test
    void productionRendersEveryOptionalObject() {
        Map<String, Set<String>> expected = kindsPerService(Set.of("ServiceAccount", "ConfigMap", "Service", "Deployment",
                "HorizontalPodAutoscaler", "PodDisruptionBudget", "NetworkPolicy", "ServiceMonitor", "Ingress"));
        // Publishing runs a fixed number of replicas (leases make extra ones idle, not faster).
        expected.get("publishing").remove("HorizontalPodAutoscaler");
        // The console serves no metrics.
        expected.get("console").remove("ServiceMonitor");
        // The suite's alerts and its Grafana dashboards (ConfigMaps).
        expected.put("monitoring", new TreeSet<>(Set.of("PrometheusRule", "ConfigMap")));
        assertEquals(expected, kinds(ChartRender.production()));
    }

    @Test
    void eachServiceIsEnabledOnItsOwn() {
        List<Manifest> withoutPublishing = ChartRender.render(List.of(), Map.of("services.publishing.enabled", false));
        Map<String, Set<String>> expected = kinds(ChartRender.defaults());
        expected.remove("publishing");
        assertEquals(expected, kinds(withoutPublishing));
    }

    @Test
    void theConsoleIsEnabledOnItsOwn() {
        Map<String, Set<String>> expected = kinds(ChartRender.defaults());
        expected.remove("console");
        assertEquals(expected, kinds(ChartRender.render(List.of(), Map.of("console.enabled", false))));
    }

    @Test
    void eachServiceIsScaledOnItsOwn() {
        List<Manifest> render = ChartRender.render(List.of(), Map.of("services.listening.replicaCount", 3,
                "services.analytics.autoscaling.enabled", true));
        assertEquals(3, deployment(render, "listening").get("spec.replicas"));
        assertEquals(1, deployment(render, "moderation").get("spec.replicas"));
        assertNull(deployment(render, "analytics").get("spec.replicas"), "replicas belong to the HPA");
        assertEquals(Set.of("tribu-analytics"), render.stream().filter(m -> m.kind().equals("HorizontalPodAutoscaler"))
                .map(Manifest::name).collect(Collectors.toSet()));
    }

    @ParameterizedTest(name = "{0}: pods run non-root on a read-only root filesystem")
    @MethodSource("renders")
    void podsAreLockedDown(String values, Supplier<List<Manifest>> render) {
        for (Manifest deployment : deployments(render.get())) {
            String id = values + " " + deployment.id();
            assertEquals(true, deployment.get("spec.template.spec.securityContext.runAsNonRoot"), id);
            assertEquals(false, deployment.get("spec.template.spec.automountServiceAccountToken"), id);
            Map<String, Object> container = deployment.containers().get(0);
            assertEquals(true, Manifest.at(container, "securityContext.readOnlyRootFilesystem"), id);
            assertEquals(false, Manifest.at(container, "securityContext.allowPrivilegeEscalation"), id);
            assertEquals(List.of("ALL"), Manifest.at(container, "securityContext.capabilities.drop"), id);
            assertEquals("/tmp", Manifest.at(container, "volumeMounts[0].mountPath"), id + ": the only writable path");
            for (String resource : List.of("requests.cpu", "requests.memory", "limits.memory")) {
                assertNotNull(Manifest.at(container, "resources." + resource), id + " resources." + resource);
            }
        }
    }

    @ParameterizedTest(name = "{0}: probes point to the Quarkus health endpoints")
    @MethodSource("renders")
    void probesPointToHealthEndpoints(String values, Supplier<List<Manifest>> render) {
        for (Manifest deployment : deployments(render.get())) {
            Map<String, Object> container = deployment.containers().get(0);
            assertEquals("/q/health/started", Manifest.at(container, "startupProbe.httpGet.path"), deployment.id());
            assertEquals("/q/health/live", Manifest.at(container, "livenessProbe.httpGet.path"), deployment.id());
            assertEquals("/q/health/ready", Manifest.at(container, "readinessProbe.httpGet.path"), deployment.id());
            for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                assertEquals("http", Manifest.at(container, probe + ".httpGet.port"), deployment.id() + " " + probe);
            }
        }
    }

    /** Services, HPAs, PDBs, NetworkPolicies, ServiceMonitors and Ingresses point at objects that exist. */
    @ParameterizedTest(name = "{0}: references between objects resolve")
    @MethodSource("renders")
    void referencesResolve(String values, Supplier<List<Manifest>> render) {
        List<Manifest> objects = render.get();
        for (Manifest object : objects) {
            switch (object.kind()) {
                case "Service", "PodDisruptionBudget", "NetworkPolicy", "ServiceMonitor" -> {
                    String selectorPath = switch (object.kind()) {
                        case "Service" -> "spec.selector";
                        case "NetworkPolicy" -> "spec.podSelector.matchLabels";
                        default -> "spec.selector.matchLabels";
                    };
                    Map<String, String> selector = Manifest.stringMap(object.get(selectorPath));
                    List<Manifest> targets = object.kind().equals("ServiceMonitor")
                            ? objects.stream().filter(m -> m.kind().equals("Service") && m.labels().entrySet().containsAll(selector.entrySet())).toList()
                            : deployments(objects).stream().filter(d -> Manifest.stringMap(d.get("spec.template.metadata.labels")).entrySet().containsAll(selector.entrySet())).toList();
                    assertEquals(1, targets.size(), object.id() + " selects " + selector + " in exactly one object");
                }
                case "HorizontalPodAutoscaler" -> assertTrue(objects.stream().anyMatch(m -> m.kind().equals("Deployment")
                        && m.name().equals(object.get("spec.scaleTargetRef.name"))), object.id());
                case "Ingress" -> {
                    for (Map<String, Object> path : Manifest.list(object.get("spec.rules[0].http.paths"))) {
                        String service = (String) Manifest.at(path, "backend.service.name");
                        assertTrue(objects.stream().anyMatch(m -> m.kind().equals("Service") && m.name().equals(service)
                                && m.get("spec.ports[0].name").equals(Manifest.at(path, "backend.service.port.name"))), object.id() + " -> " + service);
                    }
                }
                case "Deployment" -> {
                    String account = (String) object.get("spec.template.spec.serviceAccountName");
                    assertTrue(account == null || objects.stream().anyMatch(m -> m.kind().equals("ServiceAccount") && m.name().equals(account)), object.id());
                }
                default -> { }
            }
        }
    }

    @Test
    void productionExposesOnlyTheApiAndTheConsoleAndScrapesMetrics() {
        List<Manifest> production = ChartRender.production();
        for (Manifest ingress : production.stream().filter(m -> m.kind().equals("Ingress")).toList()) {
            // The console's site is all of its host; a service's /q/* stays inside the cluster.
            String path = ingress.name().equals("tribu-console") ? "/" : "/brands";
            assertEquals(path, ingress.get("spec.rules[0].http.paths[0].path"), ingress.id());
            assertNotNull(ingress.get("spec.tls[0].secretName"), ingress.id());
        }
        assertEquals(5, production.stream().filter(m -> m.kind().equals("Ingress")).count(), "four services and the console");
        for (Manifest monitor : production.stream().filter(m -> m.kind().equals("ServiceMonitor")).toList()) {
            assertEquals("/q/metrics", monitor.get("spec.endpoints[0].path"), monitor.id());
        }
    }

    @Test
    void tracingIsOffUnlessTurnedOnAndThenSendsEveryComponentsSpansToTheCollector() {
        for (Manifest config : configMaps(ChartRender.defaults())) {
            assertNull(config.get("data.QUARKUS_OTEL_SDK_DISABLED"), config.id() + ": the applications' default, off");
            assertNull(config.get("data.QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT"), config.id());
        }
        List<Manifest> on = ChartRender.render(List.of(), Map.of("tracing.enabled", true,
                "tracing.otlpEndpoint", "http://collector:4317"));
        assertEquals(COMPONENTS.size(), configMaps(on).size());
        for (Manifest config : configMaps(on)) {
            assertEquals("false", config.get("data.QUARKUS_OTEL_SDK_DISABLED"), config.id());
            assertEquals("http://collector:4317", config.get("data.QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT"), config.id());
        }
    }

    static List<Manifest> configMaps(List<Manifest> render) {
        return render.stream().filter(m -> m.kind().equals("ConfigMap")).toList();
    }

    @AfterAll
    static void printRenderTimes() {
        System.out.println("[tribu-k8s] helm template wall time per render (ms): " + new TreeMap<>(ChartRender.RENDER_MILLIS));
    }

    static List<Manifest> deployments(List<Manifest> render) {
        return render.stream().filter(m -> m.kind().equals("Deployment")).toList();
    }

    static Manifest deployment(List<Manifest> render, String service) {
        return render.stream().filter(m -> m.kind().equals("Deployment") && m.name().equals("tribu-" + service)).findFirst()
                .orElseThrow(() -> new AssertionError("no Deployment tribu-" + service));
    }

    /** service (component label) -> kinds rendered for it. */
    static Map<String, Set<String>> kinds(List<Manifest> render) {
        Map<String, Set<String>> kinds = new TreeMap<>();
        for (Manifest object : render) {
            kinds.computeIfAbsent(object.labels().get("app.kubernetes.io/component"), k -> new TreeSet<>()).add(object.kind());
        }
        return kinds;
    }

    private static Map<String, Set<String>> kindsPerService(Set<String> kinds) {
        Map<String, Set<String>> expected = new TreeMap<>();
        COMPONENTS.forEach(s -> expected.put(s, new TreeSet<>(kinds)));
        return expected;
    }
}
