package io.tribu.analytics.moderation;

import io.tribu.analytics.csv.CsvTable;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** Time to first response and SLA attainment per channel, for the interactions posted in the period. */
@Schema(name = "ResponseTimesBreakdown")
public record ResponseTimesBreakdownView(String brandId, Instant from, Instant to,
                                         @Schema(enumeration = {"channel"}) String by,
                                         @Schema(description = "The SLA the shares are measured against") long slaSeconds,
                                         @Schema(description = "One per channel with an answered interaction, most "
                                                 + "answered first") List<ChannelResponseTimes> slices)
        implements CsvTable {

    @Override
    public List<String> csvHeader() {
        return List.of("channel", "answered", "medianSeconds", "p90Seconds", "averageSeconds", "slaSeconds",
                "withinSlaShare");
    }

    @Override
    public List<List<Object>> csvRows() {
        return slices.stream().map(slice -> Arrays.<Object>asList(slice.channel(), slice.answered(),
                slice.medianSeconds(), slice.p90Seconds(), slice.averageSeconds(), slaSeconds,
                slice.withinSlaShare())).toList();
    }
}
