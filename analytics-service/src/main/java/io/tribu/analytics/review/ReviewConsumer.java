package io.tribu.analytics.review;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.tribu.analytics.event.EventIntake;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Publishing's reviews of the brands' locations, for their average stars over time. */
@ApplicationScoped
public class ReviewConsumer {

    private final EventIntake intake;
    private final ReviewRatings ratings;

    public ReviewConsumer(EventIntake intake, ReviewRatings ratings) {
        this.intake = intake;
        this.ratings = ratings;
    }

    @Incoming("reviews")
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        return intake.take(batch, ReviewCollectedReader.class, EventIntake.eachInTurn(ratings::record));
    }
}
