package io.tribu.publishing.queue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A channel's weekly queue and the next slot still free (null when none within 8 weeks). */
public record QueueView(UUID channelId, String timezone, List<QueueRequest.SlotRequest> slots, Instant nextFreeSlot) {
}
