package io.tribu.analytics.mention;

import io.quarkus.runtime.annotations.RegisterForReflection;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.tribu.analytics.event.IncomingEvent;

import java.time.Instant;
import java.util.UUID;

/**
 * The fields analytics reads from listening's {@code tribu.listening.mention.recorded.v1} event.
 * Unknown fields are ignored so that additive changes on the producer side never break this reader.
 */
// Read or written through an explicit ObjectMapper call: registered for native images.
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record MentionRecordedReader(UUID id, String type, String subject, String tenant, Data data)
        implements IncomingEvent {

    public static final String TYPE = "tribu.listening.mention.recorded.v1";

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Data(UUID mentionId, String brandId, String source, String language, Long authorReach,
                       Instant publishedAt) {
    }

    @Override
    public String defect() {
        if (id == null) {
            return "missing id";
        }
        if (!TYPE.equals(type)) {
            return "unexpected type " + type;
        }
        if (tenant == null || tenant.isBlank()) {
            return "missing tenant";
        }
        if (data == null || data.brandId() == null || data.publishedAt() == null) {
            return "missing data.brandId or data.publishedAt";
        }
        return null;
    }
}
