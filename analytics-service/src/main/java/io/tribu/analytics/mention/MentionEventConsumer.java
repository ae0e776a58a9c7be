package io.tribu.analytics.mention;

import io.smallrye.mutiny.Uni;
import io.tribu.analytics.event.EventIntake;
import io.tribu.analytics.author.AuthorService;
import io.tribu.analytics.drivers.MentionTextSample;
import io.tribu.analytics.sentiment.SentimentService;
import io.tribu.analytics.voice.ShareOfVoiceService;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Listening's mention events, counted into the hourly aggregates of every mention measure. */
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
    public Uni<Void> consume(Message<String> message) {
        return intake.take(message, MentionRecordedReader.class, (session, event) -> volumes.count(session, event)
                .chain(() -> sentiments.count(session, event))
                .chain(() -> voices.count(session, event))
                .chain(() -> texts.keep(session, event))
                .chain(() -> authors.count(session, event)));
    }
}
