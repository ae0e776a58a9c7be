package io.tribu.k8s;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The validators the chart tests rely on do reject what the API server rejects. */
class ApiSchemaTest {

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: demo}
            spec:
              selector: {matchLabels: {app: demo}}
              template:
                metadata: {labels: {app: demo}}
                spec:
                  containers:
                    - name: demo
                      image: demo:1
                      ports: [{name: http, containerPort: 8080}]
                      env: [{name: PORT, value: "8080"}]
                      readinessProbe: {httpGet: {path: /q/health/ready, port: http}}
                      resources: {requests: {cpu: 100m, memory: 64Mi}, limits: {cpu: "1", memory: 128Mi}}
            """;

    @Test
    void aValidDeploymentPasses() {
        Manifest deployment = ApiSchema.yaml(DEPLOYMENT);
        assertEquals(List.of(), ApiSchema.violations(deployment));
        assertEquals(List.of(), ApiRules.violations(deployment));
    }

    @Test
    void aMisspelledFieldIsRejected() {
        List<String> violations = ApiSchema.violations(ApiSchema.yaml(DEPLOYMENT.replace("containers:", "contaners:")));
        assertTrue(violations.stream().anyMatch(v -> v.contains("contaners")), violations.toString());
    }

    @Test
    void aMissingRequiredFieldIsRejected() {
        List<String> violations = ApiSchema.violations(ApiSchema.yaml(DEPLOYMENT.replace("  selector: {matchLabels: {app: demo}}\n", "")));
        assertTrue(violations.stream().anyMatch(v -> v.contains("selector")), violations.toString());
    }

    @Test
    void anUnquotedEnvValueIsRejected() {
        List<String> violations = ApiSchema.violations(ApiSchema.yaml(DEPLOYMENT.replace("value: \"8080\"", "value: 8080")));
        assertTrue(violations.stream().anyMatch(v -> v.contains("env[0].value: expected a string")), violations.toString());
    }

    @Test
    void aStringWhereTheApiWantsANumberIsRejected() {
        List<String> violations = ApiSchema.violations(ApiSchema.yaml(DEPLOYMENT.replace("containerPort: 8080", "containerPort: \"8080\"")));
        assertTrue(violations.stream().anyMatch(v -> v.contains("containerPort: expected a number")), violations.toString());
    }

    @Test
    void anInvalidQuantityIsRejected() {
        List<String> violations = ApiSchema.violations(ApiSchema.yaml(DEPLOYMENT.replace("memory: 64Mi", "memory: lots")));
        assertTrue(violations.stream().anyMatch(v -> v.contains("lots")), violations.toString());
    }

    @Test
    void aServiceMonitorWithAnUnknownFieldIsRejected() {
        Manifest monitor = ApiSchema.yaml("""
                apiVersion: monitoring.coreos.com/v1
                kind: ServiceMonitor
                metadata: {name: demo}
                spec:
                  selector: {matchLabels: {app: demo}}
                  endpoint: [{port: http, path: /q/metrics}]
                """);
        List<String> violations = ApiSchema.violations(monitor);
        assertTrue(violations.stream().anyMatch(v -> v.contains("spec.endpoint: no such field")), violations.toString());
    }

    @Test
    void anUnknownKindIsRejected() {
        List<String> violations = ApiSchema.violations(ApiSchema.yaml("apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n"));
        assertTrue(violations.get(0).contains("no API schema known"), violations.toString());
    }

    @Test
    void apiServerRulesAreChecked() {
        Manifest broken = ApiSchema.yaml(DEPLOYMENT
                .replace("name: http, containerPort", "name: http-port-name-too-long, containerPort")
                .replace("memory: 64Mi", "memory: 1Gi")
                .replace("metadata: {name: demo}", "metadata: {name: Demo_1}"));
        List<String> violations = ApiRules.violations(broken);
        assertTrue(violations.stream().anyMatch(v -> v.contains("not a DNS-1123 subdomain")), violations.toString());
        assertTrue(violations.stream().anyMatch(v -> v.contains("not an IANA service name")), violations.toString());
        assertTrue(violations.stream().anyMatch(v -> v.contains("uses port `http` that the container does not declare")), violations.toString());
        assertTrue(violations.stream().anyMatch(v -> v.contains("memory request 1Gi is above its limit 128Mi")), violations.toString());
    }
}
