package io.tribu.platform.outbox;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/**
 * The W3C {@code traceparent} of the span an event is appended under, stored with the outbox row and sent as the
 * CloudEvents {@code traceparent} extension and {@code ce_traceparent} header. Tracing provides its own bean; until
 * then {@link None} answers that there is no trace.
 */
public interface CurrentTrace {

    Optional<String> traceparent();

    /** No tracing: events carry no {@code traceparent}. */
    @DefaultBean
    @ApplicationScoped
    class None implements CurrentTrace {
        @Override
        public Optional<String> traceparent() {
            return Optional.empty();
        }
    }
}
