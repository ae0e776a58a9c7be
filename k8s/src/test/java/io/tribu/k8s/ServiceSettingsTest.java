package io.tribu.k8s;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The chart's settings map 1:1 to what the services read: every {@code ${TRIBU_...}} of a
 * service's application.properties is provided to its container, and every variable the chart
 * provides is read by that service. A new setting in a service fails here until the chart
 * provides it.
 */
class ServiceSettingsTest {

    static Stream<Arguments> renders() {
        return ChartTest.renders();
    }

    @Test
    void everyServiceOfTheRepositoryIsInTheChart() {
        Map<String, ServiceSettings> services = ServiceSettings.all();
        assertFalse(services.isEmpty(), "no *-service/src/main/resources/application.properties found from " + Repo.ROOT);
        Set<String> inChart = ChartTest.kinds(ChartRender.defaults()).keySet();
        for (String service : services.keySet()) {
            assertTrue(inChart.contains(service), service + "-service exists but the chart renders no services." + service);
        }
        Set<String> notYetInRepository = new TreeSet<>(inChart);
        notYetInRepository.removeAll(services.keySet());
        if (!notYetInRepository.isEmpty()) {
            System.out.println("[tribu-k8s] settings not checked yet (no application.properties): " + notYetInRepository);
        }
    }

    @ParameterizedTest(name = "{0}: every variable a service reads is provided")
    @MethodSource("renders")
    void everyVariableIsProvided(String values, Supplier<List<Manifest>> render) {
        Map<String, Set<String>> missing = new TreeMap<>();
        ServiceSettings.all().forEach((service, settings) -> {
            Set<String> absent = missing(settings, ServiceSettings.provided(render.get(), ChartTest.deployment(render.get(), service)));
            if (!absent.isEmpty()) {
                missing.put(service, absent);
            }
        });
        assertEquals(Map.of(), missing, values + ": variables read in application.properties but not provided by the chart");
    }

    @ParameterizedTest(name = "{0}: every variable provided is read by its service")
    @MethodSource("renders")
    void everyProvidedVariableIsRead(String values, Supplier<List<Manifest>> render) {
        Map<String, Set<String>> unread = new TreeMap<>();
        ServiceSettings.all().forEach((service, settings) -> {
            Set<String> extra = new TreeSet<>();
            for (String variable : ServiceSettings.provided(render.get(), ChartTest.deployment(render.get(), service)).keySet()) {
                if (!settings.reads(variable)) {
                    extra.add(variable);
                }
            }
            if (!extra.isEmpty()) {
                unread.put(service, extra);
            }
        });
        assertEquals(Map.of(), unread, values + ": variables the chart sets that the service never reads");
    }

    @ParameterizedTest(name = "{0}: the database password only ever comes from a Secret")
    @MethodSource("renders")
    void passwordFromSecret(String values, Supplier<List<Manifest>> render) {
        for (Manifest deployment : ChartTest.deployments(render.get())) {
            if (deployment.name().equals("tribu-console")) {
                continue; // no database
            }
            String password = ServiceSettings.provided(render.get(), deployment).get("TRIBU_DB_PASSWORD");
            assertTrue(password != null && password.startsWith("secret:"), deployment.id() + ": " + password);
        }
        for (Manifest configMap : render.get().stream().filter(m -> m.kind().equals("ConfigMap")).toList()) {
            assertFalse(Manifest.stringMap(configMap.get("data")).containsKey("TRIBU_DB_PASSWORD"), configMap.id());
        }
    }

    @ParameterizedTest(name = "{0}: the console's client secret and session key only ever come from a Secret")
    @MethodSource("renders")
    void consoleSecretsFromSecret(String values, Supplier<List<Manifest>> render) {
        Map<String, String> provided = ServiceSettings.provided(render.get(), ChartTest.deployment(render.get(), "console"));
        for (String variable : List.of("TRIBU_CONSOLE_CLIENT_SECRET", "TRIBU_CONSOLE_SESSION_KEY")) {
            String value = provided.get(variable);
            assertTrue(value != null && value.startsWith("secret:"), values + " " + variable + ": " + value);
            for (Manifest configMap : render.get().stream().filter(m -> m.kind().equals("ConfigMap")).toList()) {
                assertFalse(Manifest.stringMap(configMap.get("data")).containsKey(variable), configMap.id() + " " + variable);
            }
        }
    }

    /** The console reaches each service through that service's own Service, on its port. */
    @ParameterizedTest(name = "{0}: the console forwards to the services' Services")
    @MethodSource("renders")
    void consoleReachesTheServices(String values, Supplier<List<Manifest>> render) {
        Map<String, String> provided = ServiceSettings.provided(render.get(), ChartTest.deployment(render.get(), "console"));
        for (String service : ChartTest.SERVICES) {
            Manifest target = render.get().stream().filter(m -> m.kind().equals("Service") && m.name().equals("tribu-" + service))
                    .findFirst().orElseThrow(() -> new AssertionError(values + ": no Service tribu-" + service));
            assertEquals("http://tribu-" + service + ":" + target.get("spec.ports[0].port"),
                    provided.get("TRIBU_" + service.toUpperCase(java.util.Locale.ROOT) + "_URL"), values + " " + service);
        }
    }

    /**
     * With default values, the settings that identify a service (its port, database, consumer
     * group, ...) equal the service's own defaults, so the chart and a local run agree.
     */
    @Test
    void defaultsEqualTheServicesOwnDefaults() {
        List<Manifest> render = ChartRender.defaults();
        ServiceSettings.all().forEach((service, settings) -> {
            Map<String, String> provided = ServiceSettings.provided(render, ChartTest.deployment(render, service));
            assertEquals(settings.keys().get("quarkus.http.port"), provided.get("QUARKUS_HTTP_PORT"), service + " port");
            // The services take the client id as a key; the console reads it from a variable with a default.
            Map.Entry<String, String> clientId = settings.expressionOf("quarkus.oidc.client-id");
            if (clientId == null) {
                assertEquals(settings.keys().get("quarkus.oidc.client-id"), provided.get("QUARKUS_OIDC_CLIENT_ID"), service + " OIDC client");
            } else {
                assertEquals(clientId.getValue(), provided.get(clientId.getKey()), service + " OIDC client");
            }
            for (String variable : List.of("TRIBU_DB_NAME", "TRIBU_KAFKA_GROUP", "TRIBU_OUTBOX_POLL_INTERVAL", "TRIBU_OIDC_AUDIENCE")) {
                if (settings.tribuVariables().containsKey(variable)) {
                    assertEquals(settings.tribuVariables().get(variable), provided.get(variable), service + " " + variable);
                }
            }
        });
    }

    @Test
    void aNewSettingInAServiceFailsUntilTheChartProvidesIt() {
        Path listening = Repo.ROOT.resolve("listening-service/src/main/resources/application.properties");
        String properties = Repo.read(listening)
                + "\ntribu.feeds.mastodon.token=${TRIBU_MASTODON_TOKEN}\n%test.tribu.only.in.tests=${TRIBU_TEST_ONLY:x}\n";
        Map<String, String> provided = ServiceSettings.provided(ChartRender.defaults(), ChartTest.deployment(ChartRender.defaults(), "listening"));
        Set<String> before = missing(ServiceSettings.parse("listening", Repo.read(listening)), provided);
        Set<String> after = missing(ServiceSettings.parse("listening", properties), provided);
        after.removeAll(before);
        assertEquals(Set.of("TRIBU_MASTODON_TOKEN"), after, "test-profile settings never apply in a cluster");
    }

    @Test
    void aVariableNoServiceReadsIsCaught() {
        ServiceSettings listening = ServiceSettings.all().values().iterator().next();
        assertFalse(listening.reads("TRIBU_DB_HOSTNAME"));
        assertFalse(listening.reads("QUARKUS_HTTP_PORTS"));
        assertTrue(listening.reads("QUARKUS_HTTP_PORT"));
    }

    static Set<String> missing(ServiceSettings settings, Map<String, String> provided) {
        Set<String> missing = new TreeSet<>(settings.required());
        missing.removeAll(provided.keySet());
        return missing;
    }
}
