package io.tribu.console.mcp;

import io.quarkiverse.mcp.server.McpConnection;
import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolArg;
import io.quarkiverse.mcp.server.ToolResponse;
import io.smallrye.mutiny.Uni;
import java.util.LinkedHashMap;
import java.util.Map;

/** Analytics through MCP: a period summed up, and the best slots to publish in. */
public class AnalyticsTools {

    private final ServiceCalls services;

    public AnalyticsTools(ServiceCalls services) {
        this.services = services;
    }

    @Tool(name = "summarise_period", title = "Summarise a period", description = "Sum up a period of the brand: mention volume, sentiment counts, the "
            + "terms driving negative and positive sentiment with example mentions, share of voice against competitors, "
            + "and crisis episodes (volume spikes, negative-share spikes). Default period: the last 30 days.",
            annotations = @Tool.Annotations(title = "Summarise a period", readOnlyHint = true, openWorldHint = false))
    public Uni<ToolResponse> summarisePeriod(
            @ToolArg(description = "Brand id, e.g. cafe-lumiere (one of the user's brands)") String brand,
            @ToolArg(description = "Start, inclusive: an ISO-8601 instant", required = false) String from,
            @ToolArg(description = "End, exclusive: an ISO-8601 instant", required = false) String to,
            McpConnection connection) {
        Agent agent = services.agent(connection);
        String base = "/brands/" + Replies.segment(brand);
        String period = Replies.query("from", from, "to", to);
        String and = period.isEmpty() ? "?" : period + "&";
        // The five measures are read side by side; the first refusal (404 for a brand not the user's) is the answer.
        return Uni.combine().all().unis(
                        services.get(agent, "analytics", base + "/mention-volume" + period),
                        services.get(agent, "analytics", base + "/sentiment" + and + "granularity=week"),
                        services.get(agent, "analytics", base + "/sentiment/drivers" + and + "limit=5"),
                        services.get(agent, "analytics", base + "/share-of-voice" + period),
                        services.get(agent, "analytics", base + "/crisis" + period))
                .with(ServiceCalls.Answer.class, answers -> {
                    for (ServiceCalls.Answer answer : answers) {
                        if (!answer.ok()) {
                            return Replies.refused(answer);
                        }
                    }
                    Map<String, Object> summary = new LinkedHashMap<>();
                    summary.put("brandId", brand);
                    summary.put("from", answers.get(0).body().path("from"));
                    summary.put("to", answers.get(0).body().path("to"));
                    summary.put("mentions", answers.get(0).body().path("total"));
                    summary.put("sentiment", answers.get(1).body().path("total"));
                    var drivers = answers.get(2).body();
                    summary.put("drivers", Map.of("negative", drivers.path("negative"), "positive", drivers.path("positive"),
                            "insufficientData", drivers.path("insufficientData")));
                    summary.put("shareOfVoice", answers.get(3).body().path("voices"));
                    summary.put("crises", Map.of("volume", answers.get(4).body().path("episodes"),
                            "negativeShare", answers.get(4).body().path("negativeShareEpisodes")));
                    return services.reply(summary);
                });
    }

    @Tool(name = "propose_slots", title = "Propose publishing slots", description = "Propose the best times to publish for the brand (or one of its channels), "
            + "ranked by the engagement its past posts had at those hours; a proposal only: nothing is planned. Use a "
            + "slot's start as plannedAt of draft_post.", annotations = @Tool.Annotations(title = "Propose publishing slots", readOnlyHint = true,
                    openWorldHint = false))
    public Uni<ToolResponse> proposeSlots(
            @ToolArg(description = "Brand id, e.g. cafe-lumiere (one of the user's brands)") String brand,
            @ToolArg(description = "Only this channel (its id); else the whole brand", required = false) String channelId,
            @ToolArg(description = "Start, inclusive: an ISO-8601 instant (default now)", required = false) String from,
            @ToolArg(description = "End, exclusive: an ISO-8601 instant (default 7 days after from, at most 31)",
                    required = false) String to,
            @ToolArg(description = "How many slots (1-50)", required = false, defaultValue = "5") int count,
            McpConnection connection) {
        Agent agent = services.agent(connection);
        return services.get(agent, "analytics", "/brands/" + Replies.segment(brand) + "/best-slots"
                        + Replies.query("channelId", channelId, "from", from, "to", to, "count", count))
                .map(answer -> services.reply(answer, body -> body));
    }
}
