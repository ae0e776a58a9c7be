package io.tribu.console.mcp;

import io.quarkiverse.mcp.server.McpConnection;
import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolArg;
import io.quarkiverse.mcp.server.ToolResponse;
import io.smallrye.mutiny.Uni;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Publishing through MCP: an agent writes drafts only. A draft follows the normal flow (submitted for review,
 * approved by someone else than its author, then scheduled), so nothing an agent writes is published on its own.
 */
public class PostTools {

    /** One network's text of a post. */
    public record Variant(String network, String text, List<String> media) {
    }

    private final ServiceCalls services;

    public PostTools(ServiceCalls services) {
        this.services = services;
    }

    @Tool(name = "draft_post", title = "Draft a post", description = "Write a post draft for the brand, one text per network (mastodon, "
            + "bluesky, x, linkedin, facebook, instagram), each checked against its network's rules (length, media). "
            + "The draft is stored in the user's name as written via this MCP client and follows the normal approval "
            + "flow: it is never published without a person's approval. dryRun=true checks the variants and stores "
            + "nothing.", annotations = @Tool.Annotations(title = "Draft a post", openWorldHint = false))
    public Uni<ToolResponse> draftPost(
            @ToolArg(description = "Brand id, e.g. cafe-lumiere (one of the user's brands)") String brand,
            @ToolArg(description = "A short title for the calendar (at most 200 characters)") String title,
            @ToolArg(description = "One variant per network: network, text, optional media (public https URLs)")
            List<Variant> variants,
            @ToolArg(description = "When to publish, an ISO-8601 instant (e.g. a slot from propose_slots); empty: unplanned",
                    required = false) String plannedAt,
            @ToolArg(description = "Tags (at most 20)", required = false) List<String> tags,
            @ToolArg(description = "true: also submit the draft for review (approval by another person)",
                    required = false, defaultValue = "false") boolean submitForReview,
            @ToolArg(description = "true: check the variants against the networks' rules, store nothing",
                    required = false, defaultValue = "false") boolean dryRun,
            @ToolArg(description = "Any unique value: a retried call with the same key creates one draft",
                    required = false) String idempotencyKey,
            McpConnection connection) {
        Agent agent = services.agent(connection);
        Map<String, Object> post = new LinkedHashMap<>();
        post.put("title", title);
        if (plannedAt != null && !plannedAt.isBlank()) {
            post.put("plannedAt", plannedAt);
        }
        post.put("tags", tags == null ? List.of() : tags);
        post.put("variants", variants == null ? List.of() : variants.stream().map(PostTools::variant).toList());
        String posts = "/brands/" + Replies.segment(brand) + "/posts";
        if (dryRun) {
            return services.post(agent, "publishing", posts + "?dryRun=true", post, null)
                    .map(answer -> services.reply(answer, body -> Map.of("dryRun", true, "valid", true, "post", body)));
        }
        return services.post(agent, "publishing", posts, post, idempotencyKey).chain(created -> {
            if (!created.ok()) {
                return Uni.createFrom().item(Replies.refused(created));
            }
            if (!submitForReview || !"draft".equals(created.body().path("status").asText())) {
                return Uni.createFrom().item(services.reply(created.body()));
            }
            return services.post(agent, "publishing", posts + "/" + created.body().path("id").asText() + "/transitions",
                            Map.of("action", "submit"), null)
                    .map(submitted -> services.reply(submitted, body -> body));
        });
    }

    private static Map<String, Object> variant(Variant variant) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("network", variant.network());
        body.put("text", variant.text());
        if (variant.media() != null) {
            body.put("media", variant.media());
        }
        return body;
    }
}
