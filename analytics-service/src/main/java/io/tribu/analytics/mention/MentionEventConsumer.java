package io.tribu.analytics.mention;

import io.smallrye.mutiny.Uni;
import io.tribu.analytics.event.EventIntake;
import io.tribu.analytics.author.AuthorService;
import io.tribu.analytics.drivers.MentionTextSample;
import io.tribu.analytics.sentiment.SentimentService;
import io.tribu.analytics.voice.ShareOfVoiceService;
import jakarta.enterprise.context.ApplicationScoped;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Listening's mention events, counted into the hourly aggregates of every mention measure: a poll's batch
 * at a time, each aggregate written with one statement per batch.
 */
@ApplicationScoped
public class MentionEventConsumer {

    private final EventIntake intake;
    private final MentionVolumeService volumes;
    private final SentimentService sentiments;
    private final ShareOfVoiceService voices;
    private final MentionTextSample texts;
    private final AuthorService authors;

    public MentionEventConsumer(EventIntake intake, MentionVolumeService volumes, SentimentService sentiments,
                                ShareOfVoiceService voices, MentionTextSample texts, AuthorService authors) {
        this.intake = intake;
        this.volumes = volumes;
        this.sentiments = sentiments;
        this.voices = voices;
        this.texts = texts;
        this.authors = authors;
    }

    @Incoming("mentions")
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        // mention.updated and mention.withdrawn share the topic; the counts do not apply them yet, so they are
        // acknowledged untouched rather than dead-lettered.
        return intake.takeOfType(MentionRecordedReader.TYPE, batch, MentionRecordedReader.class, (session, events) -> volumes.count(session, events)
                .chain(() -> sentiments.count(session, events))
                .chain(() -> voices.count(session, events))
                .chain(() -> texts.keep(session, events))
                .chain(() -> authors.count(session, events)));
    }
}
