package io.tribu.analytics.event;

import java.util.UUID;

/** A consumer's reader record of another service's CloudEvent. */
public interface IncomingEvent {

    UUID id();

    String type();

    /** Why the event cannot be applied, or null when it can. */
    String defect();
}
