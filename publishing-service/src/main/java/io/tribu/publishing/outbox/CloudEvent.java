package io.tribu.publishing.outbox;

import io.quarkus.runtime.annotations.RegisterForReflection;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.UUID;

/**
 * CloudEvents 1.0 structured-mode envelope. {@code subject} is the brand id (also the Kafka key, so
 * one brand's events stay ordered); {@code tenant} is an extension attribute naming the agency.
 */
// Read or written through an explicit ObjectMapper call: registered for native images.
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudEvent<T>(String specversion, UUID id, String source, String type, String subject,
                            Instant time, String datacontenttype, String tenant, T data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String SOURCE = "/tribu/publishing";

    static <T> CloudEvent<T> of(String type, String tenant, String brandId, Instant time, T data) {
        return new CloudEvent<>(SPEC_VERSION, UUID.randomUUID(), SOURCE, type, brandId, time,
                "application/json", tenant, data);
    }
}
