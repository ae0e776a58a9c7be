package io.tribu.analytics.mention;

import java.time.Instant;
import java.util.List;

/** Mentions of a brand in a period, with the hourly breakdown (UTC hours). */
public record MentionVolumeView(String brandId, Instant from, Instant to, long total,
                                List<MentionVolumeService.HourlyVolume> hours) {
}
