package io.tribu.platform.outbox;

import java.util.Optional;

/**
 * The W3C {@code traceparent} of the span an event is appended under, stored with the outbox row and sent as the
 * CloudEvents {@code traceparent} extension and {@code ce_traceparent} header. The platform's
 * {@code io.tribu.platform.trace.EventTraces} answers it from the current span (empty with tracing off).
 */
public interface CurrentTrace {

    Optional<String> traceparent();
}
