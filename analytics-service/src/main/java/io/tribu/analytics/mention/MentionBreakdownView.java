package io.tribu.analytics.mention;

import java.time.Instant;
import java.util.List;

/** Mentions of a brand in a period, split by one dimension, largest first. */
public record MentionBreakdownView(String brandId, Instant from, Instant to, String by,
                                   List<MentionVolumeService.Slice> slices) {
}
