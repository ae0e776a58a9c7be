package io.tribu.analytics.voice;

import io.tribu.analytics.csv.CsvTable;
import java.time.Instant;
import java.util.List;

/** The brand against its competitors in a period: the brand first, then competitors by volume. */
public record ShareOfVoiceView(String brandId, Instant from, Instant to, List<ShareOfVoiceService.Voice> voices)
        implements CsvTable {

    @Override
    public List<String> csvHeader() {
        return List.of("party", "name", "mentions", "share", "positive", "positiveShare", "negative", "negativeShare");
    }

    @Override
    public List<List<Object>> csvRows() {
        return voices.stream().map(v -> List.<Object>of(v.party(), v.name(), v.mentions(), v.share(), v.positive(),
                v.positiveShare(), v.negative(), v.negativeShare())).toList();
    }
}
