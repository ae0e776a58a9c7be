package io.tribu.analytics.mention;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import io.tribu.platform.intake.EventEnvelope;

/**
 * The fields analytics reads from listening's {@code tribu.listening.mention.updated.v1} event: the mention as edited
 * at its source, replacing what {@code mention.recorded} (or an earlier edit) said. It carries no author nor
 * audience: those stay the recorded ones. Unknown fields are ignored.
 */
// Read through an explicit ObjectMapper call: registered for native images.
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record MentionUpdatedReader(UUID id, String type, String tenant, Data data) implements MentionLifecycleEvent {

    public static final String TYPE = "tribu.listening.mention.updated.v1";

    /** The schema's sentiment and matched queries have the recorded event's shape. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Data(UUID mentionId, String brandId, String source, String language, Instant publishedAt,
                       Instant editedAt, String text, String url, MentionRecordedReader.Sentiment sentiment,
                       List<MentionRecordedReader.MatchedQuery> matchedQueries) {
    }

    @Override
    public String brandId() {
        return data.brandId();
    }

    @Override
    public UUID mentionId() {
        return data.mentionId();
    }

    @Override
    public List<MentionRecordedReader.MatchedQuery> matchedQueries() {
        return data.matchedQueries() == null ? List.of() : data.matchedQueries().stream().filter(query -> query != null && query.id() != null).toList();
    }

    @Override
    public MentionFact applyTo(MentionFact fact) {
        return fact.afterEdit(MentionContent.of(data.publishedAt(), data.source(), data.language(), data.sentiment(),
                data.matchedQueries(), data.text(), data.url()), data.editedAt());
    }

    @Override
    public String defect() {
        return EventEnvelope.defect(id, type, tenant, TYPE, this::dataDefect);
    }

    /** What in the data keeps the event from being applied, or null. */
    private String dataDefect() {
        if (data == null || data.mentionId() == null || data.brandId() == null || data.publishedAt() == null
                || data.editedAt() == null) {
            return "missing data.mentionId, brandId, publishedAt or editedAt";
        }
        return null;
    }
}
