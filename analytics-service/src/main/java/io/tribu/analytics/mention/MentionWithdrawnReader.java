package io.tribu.analytics.mention;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;
import java.util.UUID;
import io.tribu.platform.intake.EventEnvelope;

/**
 * The fields analytics reads from listening's {@code tribu.listening.mention.withdrawn.v1} event: the mention was
 * deleted at its source and leaves every measure. Unknown fields are ignored.
 */
// Read through an explicit ObjectMapper call: registered for native images.
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record MentionWithdrawnReader(UUID id, String type, String tenant, Data data) implements MentionLifecycleEvent {

    public static final String TYPE = "tribu.listening.mention.withdrawn.v1";

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Data(UUID mentionId, String brandId) {
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
        return List.of();
    }

    @Override
    public MentionFact applyTo(MentionFact fact) {
        return fact.afterWithdrawal();
    }

    @Override
    public String defect() {
        return EventEnvelope.defect(id, type, tenant, TYPE, this::dataDefect);
    }

    /** What in the data keeps the event from being applied, or null. */
    private String dataDefect() {
        if (data == null || data.mentionId() == null || data.brandId() == null) {
            return "missing data.mentionId or brandId";
        }
        return null;
    }
}
