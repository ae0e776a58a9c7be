package io.tribu.platform.outbox;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.UUID;

/**
 * CloudEvents 1.0 structured-mode envelope. {@code subject} is the brand id (also the Kafka key, so one brand's
 * events stay ordered); {@code tenant} is an extension attribute naming the agency; {@code traceparent} is the W3C
 * distributed-tracing extension, absent when the event was appended outside a trace.
 */
// Written through an explicit ObjectMapper call: registered for native images.
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudEvent<T>(String specversion, UUID id, String source, String type, String subject,
                            Instant time, String datacontenttype, String tenant, String traceparent, T data) {

    public static final String SPEC_VERSION = "1.0";
}
