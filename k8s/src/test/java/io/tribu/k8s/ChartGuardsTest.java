package io.tribu.k8s;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Values that would deploy a broken suite fail at render time, with a message that says what to do. */
class ChartGuardsTest {

    @Test
    void aValuesFileWithoutTheDatabaseSecretFails(@TempDir Path dir) throws IOException {
        Path values = dir.resolve("no-secret.yaml");
        // null removes the chart's default, as a user's values file would.
        Files.writeString(values, "database:\n  existingSecret: null\n");
        assertRenderFails(List.of(values), Map.of(), "database.existingSecret is required");
    }

    @Test
    void aServiceWithoutItsOwnSecretFallsBackToTheSharedOneButNotToNothing(@TempDir Path dir) throws IOException {
        Path values = dir.resolve("override.yaml");
        Files.writeString(values, """
                database:
                  existingSecret: null
                services:
                  listening:
                    database: {existingSecret: tribu-listening-db}
                """);
        // listening has its own Secret, the three others have none.
        assertRenderFails(List.of(values), Map.of(), "database.existingSecret is required");
    }

    @Test
    void aDisruptionBudgetThatBlocksDrainsFails() {
        assertRenderFails(List.of(), Map.of("services.moderation.pdb.enabled", true),
                "services.moderation.pdb.minAvailable (1) must be lower than the replicas (1)");
    }

    @Test
    void tracingWithoutACollectorFails() {
        assertRenderFails(List.of(), Map.of("tracing.enabled", true), "tracing.otlpEndpoint is required when tracing.enabled");
    }

    @Test
    void anUnknownImageVariantFails() {
        assertRenderFails(List.of(), Map.of("image.variant", "graal"), "image.variant must be jvm or native");
    }

    @Test
    void anAutoscalerWithMinAboveMaxFails() {
        assertRenderFails(List.of(), Map.of("services.analytics.autoscaling.enabled", true,
                "services.analytics.autoscaling.minReplicas", 5), "minReplicas (5) is greater than maxReplicas (4)");
    }

    @Test
    void aServiceSettingCannotBypassTheChartsOwnValues() {
        assertRenderFails(List.of(), Map.of("services.listening.settings.TRIBU_DB_HOST", "elsewhere"),
                "services.listening.settings.TRIBU_DB_HOST: set it with the chart's own value");
    }

    @Test
    void aMisspelledValueFailsInsteadOfBeingIgnored() {
        // values.schema.json refuses unknown keys: `replicas` is not `replicaCount`.
        assertRenderFails(List.of(), Map.of("services.listening.replicas", 3), "don't meet the specifications of the schema", "replicas");
    }

    @Test
    void aConsoleWithoutItsSecretFails(@TempDir Path dir) throws IOException {
        Path values = dir.resolve("no-console-secret.yaml");
        Files.writeString(values, "console:\n  existingSecret: null\n");
        assertRenderFails(List.of(values), Map.of(), "console.existingSecret is required");
    }

    @Test
    void aConsoleSettingCannotBypassTheChartsOwnValues() {
        assertRenderFails(List.of(), Map.of("console.settings.TRIBU_LISTENING_URL", "http://elsewhere"),
                "console.settings.TRIBU_LISTENING_URL: set it with the chart's own value");
    }

    @Test
    void aMissingIssuerFails() {
        assertRenderFails(List.of(), Map.of("oidc.issuer", ""), "oidc.issuer is required");
    }

    private static void assertRenderFails(List<Path> values, Map<String, Object> sets, String... messages) {
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> ChartRender.template(values, sets));
        for (String message : messages) {
            assertTrue(error.getMessage().contains(message), "expected `" + message + "` in: " + error.getMessage());
        }
    }
}
