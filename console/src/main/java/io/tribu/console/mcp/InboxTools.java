package io.tribu.console.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkiverse.mcp.server.McpConnection;
import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolArg;
import io.quarkiverse.mcp.server.ToolResponse;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Moderation through MCP: the inbox listed, and a decision on one item, with a dry run. */
public class InboxTools {

    /** The fields of an item an agent needs to judge it and to decide (version: the optimistic lock). */
    private static final List<String> ITEM_FIELDS = List.of("id", "kind", "source", "author", "text", "url", "language",
            "sentiment", "status", "assignee", "publishedAt", "slaDueAt", "version", "networkAction");

    private final ServiceCalls services;

    public InboxTools(ServiceCalls services) {
        this.services = services;
    }

    @Tool(name = "list_inbox", title = "List the inbox", description = "List the brand's inbox: comments, replies, direct messages and reviews on "
            + "its own pages, oldest due first, with status, SLA due time and the version act_on_inbox_item needs.",
            annotations = @Tool.Annotations(title = "List the inbox", readOnlyHint = true, openWorldHint = false))
    public Uni<ToolResponse> listInbox(
            @ToolArg(description = "Brand id, e.g. cafe-lumiere (one of the user's brands)") String brand,
            @ToolArg(description = "Only items in this status: new, assigned, replied, hidden, deleted, escalated, closed",
                    required = false) String status,
            @ToolArg(description = "At most this many items (1-200)", required = false, defaultValue = "20") int limit,
            McpConnection connection) {
        Agent agent = services.agent(connection);
        return services.get(agent, "moderation", "/brands/" + Replies.segment(brand) + "/inbox"
                        + Replies.query("status", status, "limit", limit))
                .map(answer -> {
                    if (!answer.ok()) {
                        return Replies.refused(answer);
                    }
                    List<Map<String, Object>> items = new ArrayList<>();
                    answer.body().path("items").forEach(item -> items.add(item(item)));
                    return services.reply(Map.of("count", items.size(), "items", items));
                });
    }

    @Tool(name = "act_on_inbox_item", title = "Act on an inbox item", description = "Decide on one inbox item: assign, escalate, close, reopen, approve, "
            + "hide, delete, reply or delete_reply (a review's reply removed; hide, delete, reply and delete_reply are carried out on the network). Taken in the user's name, "
            + "recorded in the audit trail as done via this MCP client, and only if the user's role allows moderation "
            + "decisions (admin, community manager); otherwise refused and nothing changes. dryRun=true checks and "
            + "describes the decision without taking it.", annotations = @Tool.Annotations(title = "Act on an inbox item", destructiveHint = true,
                    openWorldHint = true))
    public Uni<ToolResponse> actOnInboxItem(
            @ToolArg(description = "Brand id, e.g. cafe-lumiere (one of the user's brands)") String brand,
            @ToolArg(description = "The item's id (from list_inbox)") String itemId,
            @ToolArg(description = "assign, escalate, close, reopen, approve, hide, delete, reply or delete_reply (reviews only)") String action,
            @ToolArg(description = "The item's version as list_inbox showed it: if someone decided since, the decision "
                    + "is refused (409) rather than taken on a stale view") long expectedVersion,
            @ToolArg(description = "Why (kept in the audit trail)", required = false) String reason,
            @ToolArg(description = "The answer, for reply", required = false) String replyText,
            @ToolArg(description = "For reply: public (in the thread, default) or private", required = false) String visibility,
            @ToolArg(description = "The user the item goes to, for assign", required = false) String assignee,
            @ToolArg(description = "true: check and describe the decision, take nothing", required = false,
                    defaultValue = "false") boolean dryRun,
            @ToolArg(description = "Any unique value: a retried call with the same key takes the decision once",
                    required = false) String idempotencyKey,
            McpConnection connection) {
        Agent agent = services.agent(connection);
        String itemPath = "/brands/" + Replies.segment(brand) + "/inbox/" + Replies.segment(itemId);
        if (dryRun) {
            return services.get(agent, "moderation", itemPath).map(answer -> {
                if (!answer.ok()) {
                    return Replies.refused(answer);
                }
                JsonNode item = answer.body();
                Map<String, Object> plan = new LinkedHashMap<>();
                plan.put("dryRun", true);
                plan.put("action", action);
                plan.put("item", item(item));
                boolean current = item.path("version").asLong() == expectedVersion;
                plan.put("versionIsCurrent", current);
                plan.put("allowed", agent.moderates());
                plan.put("outcome", !agent.moderates()
                        ? "would be refused: the user's role does not allow moderation decisions"
                        : !current ? "would be refused (409): the item changed since version " + expectedVersion
                                : "would be recorded as " + agent.user() + ", " + agent.via()
                                        + ("hide".equals(action) || "delete".equals(action) || "reply".equals(action)
                                                ? ", then carried out on the network" : ""));
                return services.reply(plan);
            });
        }
        Map<String, Object> decision = new LinkedHashMap<>();
        decision.put("action", action);
        decision.put("expectedVersion", expectedVersion);
        decision.put("reason", reason);
        decision.put("replyText", replyText);
        decision.put("visibility", visibility);
        decision.put("assignee", assignee);
        decision.values().removeIf(java.util.Objects::isNull);
        return services.post(agent, "moderation", itemPath + "/decisions", decision, idempotencyKey)
                .map(answer -> services.reply(answer, body -> Map.of("decided", true, "item", item(body))));
    }

    private static Map<String, Object> item(JsonNode item) {
        Map<String, Object> view = new LinkedHashMap<>();
        for (String field : ITEM_FIELDS) {
            if (item.hasNonNull(field)) {
                view.put(field, item.get(field));
            }
        }
        return view;
    }
}
