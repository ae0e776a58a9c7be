package io.tribu.console.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import io.quarkiverse.mcp.server.McpConnection;
import io.quarkiverse.mcp.server.ToolResponse;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.tribu.console.ConsoleConfig;
import io.tribu.console.forward.ServiceClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * The MCP tools' way to the services: the same services as the page's forwarder, with the agent's user's own
 * access token, so the services apply the same tenant, brand and role rules; and the {@value #AGENT_HEADER} header
 * naming the MCP client, which moderation's audit trail and publishing's post history record.
 */
@ApplicationScoped
public class ServiceCalls {

    public static final String AGENT_HEADER = "X-Tribu-Agent";

    /** A service's answer: its status and its JSON body (a problem+json for 4xx and 5xx), NullNode when empty. */
    public record Answer(int status, JsonNode body) {

        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final ConsoleConfig config;
    private final SecurityIdentity identity;
    private final ObjectMapper json;
    private final WebClient client;

    public ServiceCalls(ConsoleConfig config, SecurityIdentity identity, ObjectMapper json, ServiceClient http) {
        this.config = config;
        this.identity = identity;
        this.json = json;
        this.client = http.web();
    }


    /** The user the calling MCP client acts for, and the client's name. */
    public Agent agent(McpConnection connection) {
        return Agent.of(identity, connection);
    }

    /** A JSON result as the tool's text content. */
    public ToolResponse reply(Object value) {
        return Replies.json(json, value);
    }

    /** The answer's body shaped by {@code view} as the tool's result when the service agreed, its refusal otherwise. */
    public ToolResponse reply(Answer answer, Function<JsonNode, Object> view) {
        return answer.ok() ? reply(view.apply(answer.body())) : Replies.refused(answer);
    }

    public Uni<Answer> get(Agent agent, String service, String pathAndQuery) {
        return send(agent, HttpMethod.GET, service, pathAndQuery, null, null);
    }

    public Uni<Answer> post(Agent agent, String service, String pathAndQuery, Object body, String idempotencyKey) {
        return send(agent, HttpMethod.POST, service, pathAndQuery, body, idempotencyKey);
    }

    private Uni<Answer> send(Agent agent, HttpMethod method, String service, String pathAndQuery, Object body,
            String idempotencyKey) {
        String base = config.services().get(service);
        HttpRequest<Buffer> request = client.requestAbs(method, base.replaceAll("/+$", "") + pathAndQuery)
                .timeout(config.forwardTimeout().toMillis())
                .putHeader("Authorization", "Bearer " + agent.token())
                .putHeader("Accept", "application/json")
                .putHeader(AGENT_HEADER, agent.via());
        if (idempotencyKey != null && !idempotencyKey.isBlank()) {
            request.putHeader("Idempotency-Key", idempotencyKey);
        }
        Uni<HttpResponse<Buffer>> sent;
        if (body == null) {
            sent = request.send();
        } else {
            try {
                sent = request.putHeader("Content-Type", "application/json")
                        .sendBuffer(Buffer.buffer(json.writeValueAsBytes(body)));
            } catch (IOException e) {
                return Uni.createFrom().failure(e);
            }
        }
        return sent.ifNoItem().after(config.forwardTimeout()).failWith(TimeoutException::new)
                .map(response -> new Answer(response.statusCode(), parse(response.body())));
    }

    private JsonNode parse(Buffer body) {
        if (body == null || body.length() == 0) {
            return NullNode.getInstance();
        }
        try {
            return json.readTree(body.getBytes());
        } catch (IOException e) {
            return json.getNodeFactory().textNode(body.toString());
        }
    }
}
