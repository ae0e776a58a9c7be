package io.tribu.analytics.voice;

import java.time.Instant;
import java.util.List;

/** The brand against its competitors in a period: the brand first, then competitors by volume. */
public record ShareOfVoiceView(String brandId, Instant from, Instant to, List<ShareOfVoiceService.Voice> voices) {
}
