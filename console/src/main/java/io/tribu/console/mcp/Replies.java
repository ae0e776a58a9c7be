package io.tribu.console.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkiverse.mcp.server.ToolResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/** What the tools hand back to the agent, and the URL pieces they build (brand ids and query values encoded). */
final class Replies {

    private Replies() {
    }

    /** A JSON result as the tool's text content. */
    static ToolResponse json(ObjectMapper json, Object value) {
        try {
            return ToolResponse.success(json.writeValueAsString(value));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A service's refusal as a tool error the agent can read: the status and the problem's detail and violations. A
     * brand of another agency answers 404 like a missing one, so the agent learns nothing about it.
     */
    static ToolResponse refused(ServiceCalls.Answer answer) {
        JsonNode problem = answer.body();
        StringBuilder text = new StringBuilder("Refused by the service (").append(answer.status()).append(")");
        String detail = problem.path("detail").asText(problem.path("title").asText(""));
        if (!detail.isEmpty()) {
            text.append(": ").append(detail);
        }
        for (JsonNode violation : problem.path("violations")) {
            text.append("\n- ").append(violation.path("field").asText()).append(": ")
                    .append(violation.path("message").asText());
        }
        if (answer.status() == 403) {
            text.append("\nThe user's role does not allow this; nothing was changed.");
        }
        return ToolResponse.error(text.toString());
    }

    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** {@code ?a=1&b=2} of the parameters that have a value, in order; empty when none has. */
    static String query(Object... namesAndValues) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            if (value != null && !value.toString().isBlank()) {
                parameters.put((String) namesAndValues[i], value);
            }
        }
        StringJoiner joined = new StringJoiner("&", "?", "").setEmptyValue("");
        parameters.forEach((name, value) -> joined.add(name + "=" + segment(value.toString())));
        return joined.toString();
    }
}
