package io.tribu.platform.intake;

import java.util.UUID;
import java.util.function.Supplier;

/**
 * The CloudEvents envelope every consumer's reader checks before the data of another service's event: the id the
 * intake records as processed, the one type the reader reads, and the agency (the {@code tenant} extension) that every
 * row it writes is stored under. The data stays the reader's own business.
 */
public final class EventEnvelope {

    private EventEnvelope() {
    }

    /**
     * Why an event with this envelope cannot be applied by a reader of {@code readType} (it goes to the dead-letter
     * topic), else what {@code dataDefect} finds in its data; null when it can be applied.
     */
    public static String defect(UUID id, String type, String tenant, String readType, Supplier<String> dataDefect) {
        if (id == null || !readType.equals(type)) {
            return "missing id or unexpected type " + type;
        }
        if (blank(tenant)) {
            return "missing tenant";
        }
        return dataDefect.get();
    }

    /** Whether a text the reader needs is missing: absent or blank. */
    public static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
