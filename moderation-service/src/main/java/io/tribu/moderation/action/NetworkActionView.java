package io.tribu.moderation.action;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A network action asked for an inbox item and, once publishing reported it, its outcome. */
@Schema(name = "NetworkAction")
public record NetworkActionView(UUID actionId,
                                @Schema(enumeration = {"hide", "delete", "reply", "delete_reply"}) String action,
                                String visibility, String requestedBy, Instant requestedAt,
                                @Schema(enumeration = {"requested", "done", "failed"},
                                        description = "requested: publishing has not answered yet; done: carried out on the "
                                                + "network; failed: not carried out, see reason") String outcome,
                                @Schema(description = "For failed: the network's reason, or why publishing could not act")
                                String reason, String resultUrl, Instant completedAt) {

    public static final String REQUESTED = "requested";

    /**
     * The action that says where the item stands on the network: the oldest one still waiting for publishing,
     * else the latest one; null when nothing was asked of the network.
     */
    public static NetworkActionView current(List<NetworkActionView> actions) {
        return actions.stream().filter(a -> REQUESTED.equals(a.outcome())).findFirst()
                .orElse(actions.isEmpty() ? null : actions.get(actions.size() - 1));
    }
}
