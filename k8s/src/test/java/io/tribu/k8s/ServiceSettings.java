package io.tribu.k8s;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one service reads from its environment, from its application.properties (and the platform library's
 * defaults, for a service): the
 * {@code ${TRIBU_...}} expressions (with their defaults) and the configuration keys, whose
 * environment form (quarkus.http.port -> QUARKUS_HTTP_PORT) is how the chart may set a key
 * directly. Keys of the %dev and %test profiles are ignored: they never apply in a cluster.
 */
record ServiceSettings(String service, Map<String, String> tribuVariables, Map<String, String> keys) {

    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{(TRIBU_[A-Z0-9_]+)(?::([^}]*))?}");

    /** The services present in this checkout, by chart name (listening, moderation, ...), and the console. */
    static Map<String, ServiceSettings> all() {
        Map<String, ServiceSettings> all = new TreeMap<>();
        for (Path file : Repo.servicePropertiesFiles()) {
            String dir = file.getParent().getParent().getParent().getParent().getFileName().toString();
            String service = dir.substring(0, dir.length() - "-service".length());
            // The platform's defaults first: a key the service sets again wins, as in Quarkus.
            all.put(service, parse(service, Repo.read(Repo.platformDefaultsFile()) + "\n" + Repo.read(file)));
        }
        if (java.nio.file.Files.isRegularFile(Repo.consolePropertiesFile())) {
            all.put("console", parse("console", Repo.read(Repo.consolePropertiesFile())));
        }
        return all;
    }

    /**
     * The image's name: quarkus.application.name, else what Quarkus defaults it to, the module's
     * artifactId, which is the console's folder name.
     */
    String application() {
        return keys.getOrDefault("quarkus.application.name", service);
    }

    /** The variable and its default when a key's whole value is {@code ${VAR:default}}, else null. */
    Map.Entry<String, String> expressionOf(String key) {
        String value = keys.get(key);
        Matcher matcher = value == null ? null : EXPRESSION.matcher(value);
        return matcher != null && matcher.matches() ? Map.entry(matcher.group(1), String.valueOf(matcher.group(2))) : null;
    }

    static ServiceSettings parse(String service, String propertiesText) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(propertiesText));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> variables = new TreeMap<>();
        Map<String, String> keys = new LinkedHashMap<>();
        for (String rawKey : new TreeSet<>(properties.stringPropertyNames())) {
            String key = rawKey;
            if (key.startsWith("%prod.")) {
                key = key.substring("%prod.".length());
            } else if (key.startsWith("%")) {
                continue;
            }
            String value = properties.getProperty(rawKey);
            keys.put(key, value);
            Matcher matcher = EXPRESSION.matcher(value);
            while (matcher.find()) {
                variables.putIfAbsent(matcher.group(1), matcher.group(2));
            }
        }
        return new ServiceSettings(service, variables, keys);
    }

    /** quarkus.oidc.client-id -> QUARKUS_OIDC_CLIENT_ID, the MicroProfile Config environment form. */
    static String environmentForm(String key) {
        return key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    /** Whether setting this environment variable changes something the service reads. */
    boolean reads(String variable) {
        if (tribuVariables.containsKey(variable)) {
            return true;
        }
        return keys.keySet().stream().map(ServiceSettings::environmentForm).anyMatch(variable::equals);
    }

    /** The configuration key an environment variable sets directly, or null. */
    String keyOf(String variable) {
        return keys.keySet().stream().filter(k -> environmentForm(k).equals(variable)).findFirst().orElse(null);
    }

    Set<String> required() {
        return tribuVariables.keySet();
    }

    /** The environment of a service's container in a render: literal values, and secret:name/key for references. */
    static Map<String, String> provided(List<Manifest> render, Manifest deployment) {
        Map<String, String> env = new TreeMap<>();
        Map<String, Object> container = deployment.containers().get(0);
        for (Map<String, Object> from : Manifest.list(container.get("envFrom"))) {
            String configMap = (String) Manifest.at(from, "configMapRef.name");
            if (configMap == null) {
                throw new AssertionError(deployment.id() + ": only configMapRef is expected in envFrom, got " + from);
            }
            Manifest map = render.stream()
                    .filter(m -> m.kind().equals("ConfigMap") && m.name().equals(configMap))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(deployment.id() + " reads ConfigMap " + configMap + " that is not rendered"));
            env.putAll(Manifest.stringMap(map.get("data")));
        }
        for (Map<String, Object> variable : Manifest.list(container.get("env"))) {
            Object secret = Manifest.at(variable, "valueFrom.secretKeyRef");
            String value = secret != null
                    ? "secret:" + Manifest.at(secret, "name") + "/" + Manifest.at(secret, "key")
                    : String.valueOf(variable.get("value"));
            env.put((String) variable.get("name"), value);
        }
        return env;
    }
}
