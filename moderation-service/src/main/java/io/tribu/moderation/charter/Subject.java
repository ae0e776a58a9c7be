package io.tribu.moderation.charter;

import io.tribu.moderation.classify.Classification;
import io.tribu.moderation.classify.Text;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;

/**
 * What the charter's conditions look at for one interaction: its text, classifier scores, sentiment,
 * language, channel and kind, when the author's earlier items on the brand were hidden or deleted, the
 * brand's local time when it arrived, and a review's stars (null for other interactions).
 */
public record Subject(Text text, Classification labels, String sentiment, Double sentimentScore, String language,
                      String channel, String kind, String author, List<Instant> authorOffences, Instant at,
                      LocalTime localTime, Integer rating) {

    /** An interaction without stars. */
    public Subject(Text text, Classification labels, String sentiment, Double sentimentScore, String language,
                   String channel, String kind, String author, List<Instant> authorOffences, Instant at, LocalTime localTime) {
        this(text, labels, sentiment, sentimentScore, language, channel, kind, author, authorOffences, at, localTime, null);
    }

    int offencesWithin(int days) {
        Instant since = at.minus(Duration.ofDays(days));
        return (int) authorOffences.stream().filter(t -> t.isAfter(since) && t.isBefore(at)).count();
    }
}
