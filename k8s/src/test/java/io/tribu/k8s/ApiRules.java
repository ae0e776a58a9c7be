package io.tribu.k8s;

import io.kubernetes.client.custom.Quantity;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The API server's own validation rules that a schema does not express and that charts break
 * most often: name and label formats, port names, duplicate env vars, requests above limits,
 * probes on ports the container does not declare.
 */
final class ApiRules {

    private static final Pattern DNS_SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern LABEL_VALUE = Pattern.compile("(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?");
    private static final Pattern LABEL_NAME = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
    private static final Pattern PORT_NAME = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?");
    private static final Pattern ENV_NAME = Pattern.compile("[-._a-zA-Z][-._a-zA-Z0-9]*");

    private ApiRules() {
    }

    static List<String> violations(Manifest object) {
        List<String> violations = new ArrayList<>();
        String name = object.name();
        if (name == null || name.length() > 253 || !DNS_SUBDOMAIN.matcher(name).matches()) {
            violations.add("metadata.name `" + name + "` is not a DNS-1123 subdomain");
        }
        if ("Service".equals(object.kind()) && (name == null || name.length() > 63 || !DNS_LABEL.matcher(name).matches())) {
            violations.add("Service name `" + name + "` is not a DNS-1035 label");
        }
        labels(object.labels(), "metadata.labels", violations);
        labels(Manifest.stringMap(object.get("spec.template.metadata.labels")), "pod labels", violations);
        for (Map<String, Object> container : object.containers()) {
            container(container, violations);
        }
        return violations;
    }

    private static void labels(Map<String, String> labels, String where, List<String> violations) {
        labels.forEach((key, value) -> {
            String keyName = key.contains("/") ? key.substring(key.indexOf('/') + 1) : key;
            String prefix = key.contains("/") ? key.substring(0, key.indexOf('/')) : null;
            if (keyName.length() > 63 || !LABEL_NAME.matcher(keyName).matches()
                    || prefix != null && !DNS_SUBDOMAIN.matcher(prefix).matches()) {
                violations.add(where + ": invalid key `" + key + "`");
            }
            if (value == null || value.length() > 63 || !LABEL_VALUE.matcher(value).matches()) {
                violations.add(where + ": invalid value `" + value + "` for " + key);
            }
        });
    }

    private static void container(Map<String, Object> container, List<String> violations) {
        String c = "container " + container.get("name");
        Set<String> portNames = new HashSet<>();
        for (Map<String, Object> port : Manifest.list(container.get("ports"))) {
            String portName = (String) port.get("name");
            if (portName != null) {
                if (portName.length() > 15 || !PORT_NAME.matcher(portName).matches() || !portName.matches(".*[a-z].*")) {
                    violations.add(c + ": port name `" + portName + "` is not an IANA service name");
                }
                portNames.add(portName);
            }
        }
        Set<String> envNames = new HashSet<>();
        for (Map<String, Object> env : Manifest.list(container.get("env"))) {
            String envName = (String) env.get("name");
            if (envName == null || !ENV_NAME.matcher(envName).matches()) {
                violations.add(c + ": invalid env var name `" + envName + "`");
            }
            if (!envNames.add(envName)) {
                violations.add(c + ": env var " + envName + " is set twice");
            }
        }
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            Object port = Manifest.at(container, probe + ".httpGet.port");
            if (port instanceof String named && !portNames.contains(named)) {
                violations.add(c + ": " + probe + " uses port `" + named + "` that the container does not declare");
            }
        }
        Map<String, String> requests = Manifest.stringMap(Manifest.at(container, "resources.requests"));
        Map<String, String> limits = Manifest.stringMap(Manifest.at(container, "resources.limits"));
        requests.forEach((resource, request) -> {
            String limit = limits.get(resource);
            if (limit != null && Quantity.fromString(request).getNumber().compareTo(Quantity.fromString(limit).getNumber()) > 0) {
                violations.add(c + ": " + resource + " request " + request + " is above its limit " + limit);
            }
        });
    }
}
