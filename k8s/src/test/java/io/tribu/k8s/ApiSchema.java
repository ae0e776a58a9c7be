package io.tribu.k8s;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.google.gson.annotations.SerializedName;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Validates objects against the Kubernetes API types, offline.
 *
 * <p>Core kinds use the models of the official Kubernetes Java client, generated from the
 * Kubernetes OpenAPI document: their {@code validateJsonElement} rejects fields the API does not
 * define and missing required fields, at every level. On top of that a typed walk rejects values
 * of the wrong JSON type (a number where the API wants a string, as an unquoted env value, or the
 * reverse), which the API server refuses but a lenient JSON reader would accept.
 *
 * <p>ServiceMonitor and PrometheusRule, Prometheus Operator CRDs, have no model in that client; the fabric8 models of
 * the CRDs are used with the same typed walk (unknown fields, wrong types).
 */
final class ApiSchema {

    private static final ObjectMapper JACKSON = new ObjectMapper();

    private static final Map<String, Class<?>> KINDS = Map.ofEntries(
            Map.entry("v1/ServiceAccount", V1ServiceAccount.class),
            Map.entry("v1/ConfigMap", V1ConfigMap.class),
            Map.entry("v1/Secret", V1Secret.class),
            Map.entry("v1/Service", V1Service.class),
            Map.entry("apps/v1/Deployment", V1Deployment.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", V2HorizontalPodAutoscaler.class),
            Map.entry("policy/v1/PodDisruptionBudget", V1PodDisruptionBudget.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", V1NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1/Ingress", V1Ingress.class),
            Map.entry("monitoring.coreos.com/v1/ServiceMonitor", ServiceMonitor.class),
            Map.entry("monitoring.coreos.com/v1/PrometheusRule", PrometheusRule.class));

    private ApiSchema() {
    }

    static boolean knows(Manifest object) {
        return KINDS.containsKey(object.apiVersion() + "/" + object.kind());
    }

    /** Violations of the API schema, empty when the object is valid. */
    static List<String> violations(Manifest object) {
        List<String> violations = new ArrayList<>();
        Class<?> type = KINDS.get(object.apiVersion() + "/" + object.kind());
        if (type == null) {
            violations.add("no API schema known for " + object.apiVersion() + " " + object.kind());
            return violations;
        }
        JsonElement json;
        try {
            json = JsonParser.parseString(JACKSON.writeValueAsString(object.body()));
        } catch (Exception e) {
            violations.add("not JSON: " + e.getMessage());
            return violations;
        }
        if (type.getPackageName().startsWith("io.kubernetes.client")) {
            try {
                type.getMethod("validateJsonElement", JsonElement.class).invoke(null, json);
                JSON.deserialize(json.toString(), type);
            } catch (InvocationTargetException e) {
                violations.add(e.getCause().getMessage());
            } catch (RuntimeException | ReflectiveOperationException e) {
                violations.add(e.getMessage());
            }
        } else {
            try {
                JACKSON.readValue(json.toString(), type);
            } catch (Exception e) {
                violations.add(e.getMessage());
            }
        }
        walk(json, type, object.kind(), violations);
        return violations;
    }

    /** Checks JSON types against the model's field types, recursively. */
    private static void walk(JsonElement json, Type type, String path, List<String> violations) {
        if (json == null || json.isJsonNull()) {
            return;
        }
        Class<?> raw = rawClass(type);
        if (raw == String.class || raw == OffsetDateTime.class || raw.isEnum()) {
            expect(json.isJsonPrimitive() && json.getAsJsonPrimitive().isString(), "a string", json, path, violations);
        } else if (raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class
                || raw == Double.class || raw == double.class || raw == Float.class) {
            expect(json.isJsonPrimitive() && json.getAsJsonPrimitive().isNumber(), "a number", json, path, violations);
        } else if (raw == Boolean.class || raw == boolean.class) {
            expect(json.isJsonPrimitive() && json.getAsJsonPrimitive().isBoolean(), "a boolean", json, path, violations);
        } else if (raw == IntOrString.class || raw == io.fabric8.kubernetes.api.model.IntOrString.class) {
            expect(json.isJsonPrimitive(), "a number or a string", json, path, violations);
        } else if (raw == Quantity.class || raw == io.fabric8.kubernetes.api.model.Quantity.class) {
            if (expect(json.isJsonPrimitive(), "a quantity", json, path, violations)) {
                try {
                    Quantity.fromString(json.getAsString());
                } catch (RuntimeException e) {
                    violations.add(path + ": `" + json.getAsString() + "` is not a quantity");
                }
            }
        } else if (List.class.isAssignableFrom(raw)) {
            if (expect(json.isJsonArray(), "an array", json, path, violations)) {
                Type element = typeArgument(type, 0);
                JsonArray array = json.getAsJsonArray();
                for (int i = 0; i < array.size(); i++) {
                    walk(array.get(i), element, path + "[" + i + "]", violations);
                }
            }
        } else if (Map.class.isAssignableFrom(raw)) {
            if (expect(json.isJsonObject(), "an object", json, path, violations)) {
                Type value = typeArgument(type, 1);
                for (Map.Entry<String, JsonElement> entry : json.getAsJsonObject().entrySet()) {
                    walk(entry.getValue(), value, path + "." + entry.getKey(), violations);
                }
            }
        } else if (isModel(raw)) {
            if (expect(json.isJsonObject(), "an object", json, path, violations)) {
                Map<String, Field> fields = fields(raw);
                for (Map.Entry<String, JsonElement> entry : json.getAsJsonObject().entrySet()) {
                    Field field = fields.get(entry.getKey());
                    if (field == null) {
                        violations.add(path + "." + entry.getKey() + ": no such field in " + raw.getSimpleName());
                    } else {
                        walk(entry.getValue(), field.getGenericType(), path + "." + entry.getKey(), violations);
                    }
                }
            }
        }
        // Object and other free-form types: anything goes, as in the API.
    }

    private static boolean expect(boolean ok, String what, JsonElement json, String path, List<String> violations) {
        if (!ok) {
            violations.add(path + ": expected " + what + " but got " + json);
        }
        return ok;
    }

    private static boolean isModel(Class<?> raw) {
        String pkg = raw.getPackageName();
        return pkg.startsWith("io.kubernetes.client.openapi.models") || pkg.startsWith("io.fabric8.")
                && !raw.isInterface();
    }

    private static final Map<Class<?>, Map<String, Field>> FIELDS = new HashMap<>();

    /** JSON name -> field, from Gson's @SerializedName or Jackson's @JsonProperty. */
    private static synchronized Map<String, Field> fields(Class<?> type) {
        return FIELDS.computeIfAbsent(type, t -> {
            Map<String, Field> byName = new HashMap<>();
            for (Class<?> c = t; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    if (Modifier.isStatic(field.getModifiers()) || field.getName().equals("additionalProperties")) {
                        continue;
                    }
                    SerializedName gson = field.getAnnotation(SerializedName.class);
                    JsonProperty jackson = field.getAnnotation(JsonProperty.class);
                    String name = gson != null ? gson.value()
                            : jackson != null && !jackson.value().isEmpty() ? jackson.value() : field.getName();
                    byName.putIfAbsent(name, field);
                }
            }
            return byName;
        });
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        return Object.class;
    }

    private static Type typeArgument(Type type, int index) {
        return type instanceof ParameterizedType p ? p.getActualTypeArguments()[index] : Object.class;
    }

    /** Convenience for tests: parse one YAML document. */
    static Manifest yaml(String yaml) {
        return ChartRender.parse(yaml).get(0);
    }

}
