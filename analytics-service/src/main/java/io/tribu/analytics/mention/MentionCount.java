package io.tribu.analytics.mention;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * A counted mention going into the measures ({@code sign} 1) or taken back out of them (-1): a recording is the
 * first, a withdrawal the second, an edit both (the former content out, the new one in).
 */
public record MentionCount(MentionFact mention, int sign) {

    public MentionContent content() {
        return mention.content();
    }

    public String tenant() {
        return mention.tenant();
    }

    public String brandId() {
        return mention.brandId();
    }

    /** The UTC hour it was published in: the measures' bucket. */
    public String bucket() {
        return content().publishedAt().truncatedTo(ChronoUnit.HOURS).toString();
    }

    /** The UTC day it was published on. */
    public LocalDate day() {
        return content().publishedAt().atOffset(ZoneOffset.UTC).toLocalDate();
    }
}
