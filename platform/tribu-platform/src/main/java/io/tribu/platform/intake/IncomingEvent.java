package io.tribu.platform.intake;

import java.util.UUID;

/** What the intake needs of a consumer's reader record of another service's CloudEvent. */
public interface IncomingEvent {

    UUID id();

    String type();

    /** Why the event cannot be applied, or null when it can. */
    String defect();
}
