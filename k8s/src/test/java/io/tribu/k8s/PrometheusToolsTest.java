package io.tribu.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The chart's alerts and dashboards checked by Prometheus' own tool, promtool (Debian's
 * {@code prometheus} package; {@code ./tribu test} installs it): the rendered rules pass
 * {@code promtool check rules}, every alert passes its unit tests (src/test/prometheus/), every
 * dashboard query parses, and every alert links a runbook section of docs/operations.md. The
 * rendered rules are left in target/prometheus/tribu-alerts.yaml, and the same rules with thresholds
 * and waits of seconds in tribu-alerts-fast.yaml, which the forced-alert check of ./tribu test loads
 * into a real Prometheus (dev/lib/ops.sh).
 */
class PrometheusToolsTest {

    static final Path OUT = Repo.K8S.resolve("target/prometheus");
    static final Path RULES = OUT.resolve("tribu-alerts.yaml");
    static final Path FAST_RULES = OUT.resolve("tribu-alerts-fast.yaml");
    static final Path UNIT_TESTS = Repo.K8S.resolve("src/test/prometheus/alerts-test.yaml");
    static final Path OPERATIONS = Repo.ROOT.resolve("docs/operations.md");
    private static final ObjectMapper JSON = new ObjectMapper();

    static Manifest rule;

    @BeforeAll
    static void renderTheRules() throws IOException {
        rule = ChartRender.render(List.of(), Map.of("prometheusRule.enabled", true)).stream()
                .filter(m -> m.kind().equals("PrometheusRule")).findFirst()
                .orElseThrow(() -> new AssertionError("prometheusRule.enabled renders no PrometheusRule"));
        Files.createDirectories(OUT);
        Files.writeString(RULES, ChartRender.YAML.writeValueAsString(Map.of("groups", rule.get("spec.groups"))));
        Manifest fast = ChartRender.render(List.of(), Map.of("prometheusRule.enabled", true,
                        "prometheusRule.outboxOldestAgeSeconds", 5)).stream()
                .filter(m -> m.kind().equals("PrometheusRule")).findFirst().orElseThrow();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> groups = (List<Map<String, Object>>) fast.get("spec.groups");
        for (Map<String, Object> group : groups) {
            for (Map<String, Object> alert : Manifest.list(group.get("rules"))) {
                alert.computeIfPresent("for", (k, v) -> "4s");
            }
        }
        Files.writeString(FAST_RULES, ChartRender.YAML.writeValueAsString(Map.of("groups", groups)));
    }

    @Test
    void theForcedAlertChecksRulesDifferOnlyInThresholdsAndWaits() throws IOException {
        Result check = promtool("check", "rules", FAST_RULES.toString());
        assertEquals(0, check.exit(), check.output());
        String fast = Files.readString(FAST_RULES);
        assertTrue(fast.contains("tribu_outbox_oldest_age_seconds{job=~") && fast.contains(") > 5"), fast);
        assertFalse(fast.contains("for: \"5m\""), fast);
    }

    @Test
    void theRenderedRulesPassPromtoolCheck() {
        Result check = promtool("check", "rules", RULES.toString());
        assertEquals(0, check.exit(), check.output());
        assertTrue(check.output().contains("SUCCESS: " + alertNames().size() + " rules found"), check.output());
    }

    @Test
    void everyAlertPassesItsUnitTests() throws IOException {
        Path tests = Files.copy(UNIT_TESTS, OUT.resolve(UNIT_TESTS.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        Result run = promtool("test", "rules", tests.toString());
        assertEquals(0, run.exit(), run.output());
        String text = Files.readString(UNIT_TESTS);
        for (String alert : alertNames()) {
            assertTrue(text.contains("alertname: " + alert), alert + " has no unit test in " + UNIT_TESTS);
        }
    }

    @Test
    void everyAlertLinksItsRunbookSection() {
        String operations = Repo.read(OPERATIONS);
        Set<String> anchors = operations.lines().filter(l -> l.startsWith("#"))
                .map(l -> l.replaceFirst("^#+\\s*", "").toLowerCase().replaceAll("[^a-z0-9 -]", "").replace(' ', '-'))
                .collect(Collectors.toSet());
        for (Map<String, Object> alert : alerts()) {
            String url = (String) Manifest.at(alert, "annotations.runbook_url");
            String name = (String) alert.get("alert");
            assertEquals("https://github.com/tribu/tribu/blob/main/docs/operations.md#" + name.toLowerCase(), url, name);
            assertTrue(anchors.contains(name.toLowerCase()), name + ": docs/operations.md has no section " + name);
            for (String part : List.of("What it means", "How to look", "How to fix")) {
                int section = operations.indexOf("### " + name);
                int next = operations.indexOf("\n### ", section + 1);
                String body = operations.substring(section, next < 0 ? operations.length() : next);
                assertTrue(body.contains(part), name + "'s runbook lacks \"" + part + "\"");
            }
        }
    }

    @Test
    void everyDashboardQueryParses(@TempDir Path dir) throws IOException {
        Map<String, String> queries = dashboardQueries();
        assertTrue(queries.size() >= 40, "dashboards' queries found: " + queries.size());
        Path file = dir.resolve("dashboards.yaml");
        Files.writeString(file, ChartRender.YAML.writeValueAsString(asRecordingRules(queries)));
        Result check = promtool("check", "rules", file.toString());
        assertEquals(0, check.exit(), check.output());
    }

    /** The check can fail: one bracket missing is refused, with the query named. */
    @Test
    void aQueryThatDoesNotParseIsRefused(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("broken.yaml");
        Files.writeString(file, ChartRender.YAML.writeValueAsString(asRecordingRules(
                Map.of("broken panel", "sum(rate(http_server_requests_seconds_count{namespace=\"x\"}[$__rate_interval])"))));
        Result check = promtool("check", "rules", file.toString());
        assertNotEquals(0, check.exit(), check.output());
        assertTrue(check.output().contains("parse error"), check.output());
    }

    @Test
    void theDashboardsAreConfigMapsForTheGrafanaSidecar() throws IOException {
        List<Manifest> maps = ChartRender.render(List.of(), Map.of("grafanaDashboards.enabled", true)).stream()
                .filter(m -> m.name().contains("-dashboard-")).toList();
        Set<String> names = maps.stream().map(Manifest::name).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of("tribu-dashboard-overview", "tribu-dashboard-listening", "tribu-dashboard-moderation",
                "tribu-dashboard-publishing", "tribu-dashboard-analytics"), names);
        for (Manifest map : maps) {
            assertEquals("1", map.labels().get("grafana_dashboard"), map.id());
            Map<String, String> data = Manifest.stringMap(map.get("data"));
            assertEquals(1, data.size(), map.id());
            JsonNode dashboard = JSON.readTree(data.values().iterator().next());
            assertEquals(map.name().replace("tribu-dashboard-", "tribu-"), dashboard.get("uid").asText(), map.id());
        }
        assertFalse(ChartRender.defaults().stream().anyMatch(m -> m.name().contains("-dashboard-")), "off by default");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> alerts() {
        List<Map<String, Object>> alerts = new ArrayList<>();
        for (Map<String, Object> group : Manifest.list(rule.get("spec.groups"))) {
            alerts.addAll((List<Map<String, Object>>) group.get("rules"));
        }
        return alerts;
    }

    static List<String> alertNames() {
        return alerts().stream().map(a -> (String) a.get("alert")).toList();
    }

    /** "dashboard / panel / refId" -> the query, from every dashboard JSON of the chart. */
    static Map<String, String> dashboardQueries() throws IOException {
        Map<String, String> queries = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(Repo.CHART.resolve("dashboards"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode dashboard = JSON.readTree(file.toFile());
                for (JsonNode variable : dashboard.path("templating").path("list")) {
                    String query = variable.path("query").path("query").asText("");
                    Matcher labelValues = Pattern.compile("^label_values\\((.+),\\s*\\w+\\)$").matcher(query);
                    if (labelValues.matches()) {
                        queries.put(file.getFileName() + " / variable " + variable.get("name").asText(), labelValues.group(1));
                    }
                }
                for (JsonNode panel : dashboard.path("panels")) {
                    for (JsonNode target : panel.path("targets")) {
                        queries.put(file.getFileName() + " / " + panel.get("title").asText() + " / " + target.get("refId").asText(),
                                target.get("expr").asText());
                    }
                }
            }
        }
        return queries;
    }

    /** Grafana's variables replaced by values of their type, each query one recording rule of a throwaway group. */
    static Map<String, Object> asRecordingRules(Map<String, String> queries) {
        List<Map<String, Object>> rules = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, String> query : queries.entrySet()) {
            String expr = query.getValue()
                    .replace("$__rate_interval", "5m").replace("$__interval", "1m").replace("$__range", "1h")
                    .replaceAll("\\$\\{?\\w+}?", "x");
            Map<String, Object> rule = new LinkedHashMap<>();
            rule.put("record", "dashboard_query_" + i++);
            rule.put("expr", expr);
            rule.put("labels", Map.of("panel", query.getKey()));
            rules.add(rule);
        }
        return Map.of("groups", List.of(Map.of("name", "dashboards", "rules", rules)));
    }

    record Result(int exit, String output) {
    }

    /** Runs Debian's promtool; fails the test with what to install when it is missing. */
    static Result promtool(String... args) {
        List<String> command = new ArrayList<>();
        command.add("promtool");
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("promtool " + String.join(" ", args) + " took over 60 s");
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().contains("error=2")) {
                fail("promtool is not installed: apt-get install prometheus (Debian's package; ./tribu test installs it)");
            }
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
