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

/** Listening through MCP: the brand's mentions, searched. */
public class ListeningTools {

    private final ServiceCalls services;

    public ListeningTools(ServiceCalls services) {
        this.services = services;
    }

    @Tool(name = "search_mentions", title = "Search mentions", description = "Search the brand's mentions (what the web says about it): full-text "
            + "words, sentiment, language, source and period. Answers the newest first with text, author, source, "
            + "sentiment, url and publishedAt.", annotations = @Tool.Annotations(title = "Search mentions", readOnlyHint = true, openWorldHint = false))
    public Uni<ToolResponse> searchMentions(
            @ToolArg(description = "Brand id, e.g. cafe-lumiere (one of the user's brands)") String brand,
            @ToolArg(description = "Words to look for (full text); empty: every mention", required = false) String text,
            @ToolArg(description = "negative, neutral or positive", required = false) String sentiment,
            @ToolArg(description = "Two-letter language code, e.g. fr", required = false) String language,
            @ToolArg(description = "Start, inclusive: an ISO-8601 instant", required = false) String from,
            @ToolArg(description = "End, exclusive: an ISO-8601 instant", required = false) String to,
            @ToolArg(description = "At most this many mentions (1-200)", required = false, defaultValue = "20") int limit,
            McpConnection connection) {
        Agent agent = services.agent(connection);
        return services.get(agent, "listening", "/brands/" + Replies.segment(brand) + "/mentions/search"
                        + Replies.query("q", text, "sentiment", sentiment, "language", language, "from", from, "to", to,
                                "limit", limit))
                .map(answer -> services.reply(answer, ListeningTools::mentions));
    }

    /** The fields an agent needs of each mention, not the whole record (enrichment details, matched queries…). */
    private static Map<String, Object> mentions(JsonNode page) {
        List<Map<String, Object>> items = new ArrayList<>();
        JsonNode list = page.has("items") ? page.get("items") : page;
        for (JsonNode hit : list) {
            JsonNode mention = hit.has("mention") ? hit.get("mention") : hit;
            Map<String, Object> item = new LinkedHashMap<>();
            for (String field : List.of("id", "publishedAt", "source", "author", "language", "text", "url")) {
                if (mention.hasNonNull(field)) {
                    item.put(field, mention.get(field));
                }
            }
            JsonNode sentiment = mention.path("sentiment");
            item.put("sentiment", sentiment.isObject() ? sentiment.path("label") : sentiment);
            items.add(item);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("count", items.size());
        result.put("mentions", items);
        if (page.hasNonNull("nextCursor")) {
            result.put("more", true);
        }
        return result;
    }
}
