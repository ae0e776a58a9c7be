package io.tribu.platform.testing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import io.smallrye.config.WithParentName;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A service's own settings as its one {@code @ConfigMapping} declares them: every key with its default and the
 * Javadoc that says what it means. Checks the service's application.properties against it (no key the mapping does
 * not know, no default written a second time) and writes the README's table of keys, so neither can drift:
 * <pre>
 * ConfigurationReference reference = ConfigurationReference.of(ListeningConfig.class);
 * reference.assertAgreesWith(Path.of("src/main/resources/application.properties"));
 * reference.assertListedIn(Path.of("README.md"), properties);
 * </pre>
 * The Javadoc is read from the mapping's source file, under {@code src/main/java} of the module under test.
 */
public final class ConfigurationReference {

    /** The README's generated table stands between these two lines. */
    public static final String TABLE_START = "<!-- keys: generated from the configuration mapping by its ConfigurationTest -->";
    public static final String TABLE_END = "<!-- end of generated keys -->";
    /** Set to true to let {@link #assertListedIn} rewrite a stale table instead of failing. */
    public static final String WRITE_PROPERTY = "configuration.write-readme";

    private static final Pattern WHOLE_EXPRESSION = Pattern.compile("\\$\\{([A-Za-z0-9_.\\-]+)(?::([^}]*))?}");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");
    private static final Pattern PROFILE = Pattern.compile("%([\\w-]+)\\.(.*)");

    /** One key: its full name ({@code *} for a map's keys), its default (null when it has none) and meaning. */
    public record Key(String name, String defaultValue, String meaning) {
        boolean matches(String property) {
            if (!name.endsWith(".*")) {
                return name.equals(property);
            }
            String stem = name.substring(0, name.length() - 1);
            return property.startsWith(stem) && property.length() > stem.length();
        }
    }

    private final Class<?> mapping;
    private final String prefix;
    private final Map<String, Key> keys;

    private ConfigurationReference(Class<?> mapping, String prefix, Map<String, Key> keys) {
        this.mapping = mapping;
        this.prefix = prefix;
        this.keys = keys;
    }

    /** The mapping's keys, its Javadoc read from {@code src/main/java} of the current module. */
    public static ConfigurationReference of(Class<?> mapping) {
        Path source = Path.of("src/main/java", mapping.getName().replace('.', '/') + ".java");
        try {
            return of(mapping, Files.readString(source));
        } catch (IOException e) {
            throw new UncheckedIOException("the mapping's source, for its Javadoc: " + source.toAbsolutePath(), e);
        }
    }

    /** The mapping's keys, with the Javadoc of the given source text. */
    public static ConfigurationReference of(Class<?> mapping, String source) {
        return of(mapping, javadoc(source), true);
    }

    /**
     * The mapping's keys and defaults without their meaning, for a mapping whose source is another module's (the
     * platform's, which a service's properties override): enough for {@link #assertOverriddenIn}.
     */
    public static ConfigurationReference keysOf(Class<?> mapping) {
        return of(mapping, Map.of(), false);
    }

    private static ConfigurationReference of(Class<?> mapping, Map<String, String> docs, boolean documented) {
        ConfigMapping annotation = mapping.getAnnotation(ConfigMapping.class);
        if (annotation == null) {
            throw new IllegalArgumentException(mapping.getName() + " is not a @ConfigMapping");
        }
        Map<String, Key> keys = new TreeMap<>();
        List<String> undocumented = new ArrayList<>();
        walk(mapping, annotation.prefix(), docs, keys, undocumented);
        if (documented && !undocumented.isEmpty()) {
            throw new AssertionError(mapping.getSimpleName() + ": every key needs a Javadoc line saying what it means: " + undocumented);
        }
        return new ConfigurationReference(mapping, annotation.prefix(), keys);
    }

    public Map<String, Key> keys() {
        return keys;
    }

    /**
     * Every {@code prefix.*} key of the properties (in any profile) is one of the mapping's, unless it starts with
     * one of {@code otherOwners} (settings another mapping reads); none outside a profile repeats a value the mapping
     * holds as its default: such a line is either an expression (an environment variable the chart sets) whose own
     * default equals the mapping's, or a profile's override.
     */
    public void assertAgreesWith(Path properties, String... otherOwners) {
        List<String> problems = problems(read(properties), otherOwners);
        if (!problems.isEmpty()) {
            throw new AssertionError(properties + " disagrees with " + mapping.getSimpleName() + ":\n  " + String.join("\n  ", problems));
        }
    }

    List<String> problems(Properties properties, String... otherOwners) {
        List<String> problems = new ArrayList<>();
        for (String raw : new TreeMap<>(properties).keySet().stream().map(String::valueOf).toList()) {
            Matcher profiled = PROFILE.matcher(raw);
            String name = profiled.matches() ? profiled.group(2) : raw;
            if (!name.startsWith(prefix + ".") || ownedElsewhere(name, otherOwners)) {
                continue;
            }
            Optional<Key> key = keys.values().stream().filter(k -> k.matches(name)).findFirst();
            if (key.isEmpty()) {
                problems.add(raw + ": no such key in " + mapping.getSimpleName());
                continue;
            }
            if (profiled.matches()) {
                continue;
            }
            String value = properties.getProperty(raw);
            Matcher expression = WHOLE_EXPRESSION.matcher(value);
            if (!value.contains("${")) {
                problems.add(raw + "=" + value + ": a plain value belongs in " + mapping.getSimpleName() + " as its @WithDefault");
            } else if (expression.matches() && key.get().defaultValue() != null
                    && !key.get().defaultValue().equals(expression.group(2))) {
                problems.add(raw + "=" + value + ": its default is not " + mapping.getSimpleName() + "'s "
                        + key.get().defaultValue());
            }
        }
        return problems;
    }

    /**
     * The prefixes of the mapping's groups ({@code tribu.outbox} for {@code tribu.outbox.batch-size}): the parts of
     * its prefix it owns, which another mapping of the same prefix leaves to it.
     */
    public String[] groups() {
        return keys.keySet().stream()
                .map(name -> prefix + "." + name.substring(prefix.length() + 1).split("\\.")[0])
                .distinct().toArray(String[]::new);
    }

    /**
     * A service's properties set of this mapping's groups only keys it declares, and none (outside a profile) to the
     * very default the mapping holds: a service overrides the platform's settings, it does not repeat them.
     */
    public void assertOverriddenIn(Path properties) {
        List<String> problems = overrideProblems(read(properties));
        if (!problems.isEmpty()) {
            throw new AssertionError(properties + " disagrees with " + mapping.getSimpleName() + ":\n  " + String.join("\n  ", problems));
        }
    }

    List<String> overrideProblems(Properties properties) {
        List<String> problems = new ArrayList<>();
        String[] groups = groups();
        for (String raw : new TreeMap<>(properties).keySet().stream().map(String::valueOf).toList()) {
            Matcher profiled = PROFILE.matcher(raw);
            String name = profiled.matches() ? profiled.group(2) : raw;
            if (!ownedElsewhere(name, groups)) {
                continue;
            }
            Optional<Key> key = keys.values().stream().filter(k -> k.matches(name)).findFirst();
            if (key.isEmpty()) {
                problems.add(raw + ": no such key in " + mapping.getSimpleName());
            } else if (!profiled.matches() && properties.getProperty(raw).equals(key.get().defaultValue())) {
                problems.add(raw + "=" + properties.getProperty(raw) + ": repeats " + mapping.getSimpleName() + "'s default");
            }
        }
        return problems;
    }

    private static boolean ownedElsewhere(String name, String... otherOwners) {
        for (String owner : otherOwners) {
            if (name.startsWith(owner + ".")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The README holds the table {@link #table} writes, between {@link #TABLE_START} and {@link #TABLE_END}; with
     * {@code -Dconfiguration.write-readme=true} a stale table is rewritten instead.
     */
    public void assertListedIn(Path readme, Path properties) {
        String text;
        try {
            text = Files.readString(readme);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int start = text.indexOf(TABLE_START);
        int end = text.indexOf(TABLE_END);
        String expected = table(read(properties));
        if (start < 0 || end < start) {
            throw new AssertionError(readme + " has no " + TABLE_START + " ... " + TABLE_END + " section; its table is:\n" + expected);
        }
        String actual = text.substring(start + TABLE_START.length(), end).strip();
        if (actual.equals(expected.strip())) {
            return;
        }
        if (Boolean.getBoolean(WRITE_PROPERTY)) {
            try {
                Files.writeString(readme, text.substring(0, start + TABLE_START.length()) + "\n" + expected + text.substring(end));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        throw new AssertionError(readme + ": the table of keys is stale (run this test with -D" + WRITE_PROPERTY
                + "=true to rewrite it); it should read:\n" + expected);
    }

    /**
     * The Markdown table of the keys: name, the environment variable that sets it, its default (with the dev and test
     * profiles' values) and its meaning.
     */
    public String table(Properties properties) {
        Map<String, Map<String, String>> profiles = new HashMap<>();
        for (String raw : properties.stringPropertyNames()) {
            Matcher profiled = PROFILE.matcher(raw);
            if (profiled.matches()) {
                profiles.computeIfAbsent(profiled.group(2), k -> new TreeMap<>()).put(profiled.group(1), properties.getProperty(raw));
            }
        }
        StringBuilder table = new StringBuilder("| key | environment | default | meaning |\n|---|---|---|---|\n");
        for (Key key : keys.values()) {
            Map<String, String> values = new TreeMap<>();
            properties.stringPropertyNames().stream().filter(key::matches).forEach(p -> values.put(p, properties.getProperty(p)));
            String variables = values.values().stream().flatMap(v -> VARIABLE.matcher(v).results()).map(m -> code(m.group(1)))
                    .distinct().collect(Collectors.joining(", "));
            String defaultValue;
            if (key.defaultValue() != null) {
                defaultValue = shown(key.defaultValue());
            } else if (values.isEmpty()) {
                defaultValue = "none";
            } else if (key.name().endsWith(".*")) {
                defaultValue = values.entrySet().stream()
                        .map(e -> code(e.getKey().substring(key.name().length() - 1)) + ": " + valueShown(e.getValue()))
                        .collect(Collectors.joining(", "));
            } else {
                defaultValue = valueShown(values.values().iterator().next());
            }
            String overrides = profiles.getOrDefault(key.name(), Map.of()).entrySet().stream()
                    .map(e -> e.getKey() + ": " + shown(e.getValue()))
                    .collect(Collectors.joining(", "));
            if (!overrides.isEmpty()) {
                defaultValue += " (" + overrides + ")";
            }
            table.append("| ").append(code(key.name())).append(" | ")
                    .append(variables.isEmpty() ? code(environmentForm(key.name())) : variables)
                    .append(" | ").append(cell(defaultValue)).append(" | ").append(cell(key.meaning())).append(" |\n");
        }
        return table.toString();
    }

    /** tribu.sources.poll-tick -> TRIBU_SOURCES_POLL_TICK, the form in which the environment sets a key. */
    static String environmentForm(String key) {
        return key.replace(".*", "").toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_]", "_") + (key.endsWith(".*") ? "_<NAME>" : "");
    }

    /** A value of the properties: an expression's default (none without one, another key's name for an alias). */
    private String valueShown(String value) {
        Matcher expression = WHOLE_EXPRESSION.matcher(value);
        if (!expression.matches()) {
            return code(value);
        }
        if (expression.group(2) != null) {
            return shown(expression.group(2));
        }
        return expression.group(1).startsWith(prefix + ".") ? "as " + code(expression.group(1)) : "none";
    }

    private static String shown(String value) {
        return value.isEmpty() ? "(empty)" : code(value);
    }

    private static String code(String text) {
        return text.contains("`") ? "``" + text + "``" : "`" + text + "`";
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }

    static Properties read(Path properties) {
        Properties loaded = new Properties();
        try (StringReader reader = new StringReader(Files.readString(properties))) {
            loaded.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return loaded;
    }

    private static void walk(Class<?> type, String prefix, Map<String, String> docs, Map<String, Key> keys, List<String> undocumented) {
        for (Method method : type.getMethods()) {
            if (method.isDefault() || Modifier.isStatic(method.getModifiers()) || method.getParameterCount() > 0) {
                continue;
            }
            String name = method.isAnnotationPresent(WithParentName.class) ? prefix
                    : prefix + "." + (method.isAnnotationPresent(WithName.class)
                    ? method.getAnnotation(WithName.class).value() : kebab(method.getName()));
            Type returned = method.getGenericReturnType();
            Class<?> raw = method.getReturnType();
            if (raw == Map.class) {
                name += ".*";
                returned = ((ParameterizedType) returned).getActualTypeArguments()[1];
                raw = returned instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) returned;
            }
            if (raw.isInterface() && raw.getEnclosingClass() != null && !raw.getName().startsWith("java.")) {
                walk(raw, name, docs, keys, undocumented);
                continue;
            }
            String doc = docs.get(method.getDeclaringClass().getSimpleName() + "." + method.getName());
            if (doc == null) {
                undocumented.add(name);
            }
            WithDefault defaultValue = method.getAnnotation(WithDefault.class);
            keys.put(name, new Key(name, defaultValue == null ? null : defaultValue.value(), doc));
        }
    }

    /** maxStatuses -> max-statuses, SmallRye Config's default naming. */
    static String kebab(String method) {
        return method.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static final Pattern SOURCE = Pattern.compile(
            "(?<doc>/\\*\\*(?<text>(?:(?!\\*/).)*)\\*/\\s*(?:@[\\w.]+(?:\\((?:\"(?:[^\"\\\\]|\\\\.)*\"|[^)\"])*\\))?\\s*)*"
                    + "[\\w.<>, ?]+\\s+(?<method>\\w+)\\(\\)\\s*;)"
                    + "|(?<comment>/\\*(?:(?!\\*/).)*\\*/|//[^\\n]*)"
                    + "|(?<string>\"(?:[^\"\\\\]|\\\\.)*\")"
                    + "|(?<type>(?:interface|class|enum|record)\\s+(?<name>\\w+)[^{;]*\\{)"
                    + "|(?<open>\\{)|(?<close>})",
            Pattern.DOTALL);

    /** Javadoc by "Interface.method", the interface being the (nested) one that declares the method. */
    static Map<String, String> javadoc(String source) {
        Map<String, String> docs = new HashMap<>();
        Deque<String> enclosing = new ArrayDeque<>();
        Matcher matcher = SOURCE.matcher(source);
        while (matcher.find()) {
            if (matcher.group("doc") != null) {
                docs.put(enclosing.peek() + "." + matcher.group("method"), prose(matcher.group("text")));
            } else if (matcher.group("type") != null) {
                enclosing.push(matcher.group("name"));
            } else if (matcher.group("open") != null) {
                enclosing.push(enclosing.isEmpty() ? "" : enclosing.peek());
            } else if (matcher.group("close") != null && !enclosing.isEmpty()) {
                enclosing.pop();
            }
        }
        return docs;
    }

    private static String prose(String javadoc) {
        return javadoc.lines().map(line -> line.strip().replaceFirst("^\\*\\s?", "")).collect(Collectors.joining(" "))
                .replaceAll("\\{@(?:code|literal) ([^}]*)}", "`$1`")
                .replaceAll("\\{@link(?:plain)? #?([^}]*)}", "$1")
                .replaceAll("\\s+", " ")
                .strip();
    }
}
