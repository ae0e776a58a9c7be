package io.tribu.publishing.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Dates and instants are ISO-8601 strings, and ones PostgreSQL can store. The platform's StrictJson turns off
 * coercion, but the Java time module reads numbers itself: {@code "plannedAt": 12345} became 1970-01-01T03:25:45Z
 * and {@code "endDate": 12345} the 12,345th day after 1970 (found by the bad-input probe); an array
 * {@code [2026,12,1]} was a date, and year 300000 is a valid Java instant that PostgreSQL refuses (a 500).
 * Runs after the other customizers, so these readers take over from the time module's.
 */
@Singleton
public class StrictTime implements ObjectMapperCustomizer {

    static final Instant FIRST = Instant.parse("0001-01-01T00:00:00Z");
    static final Instant LAST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        apply(mapper);
    }

    /** The same rules on a mapper built by hand. */
    public static ObjectMapper apply(ObjectMapper mapper) {
        return mapper.registerModule(new SimpleModule("tribu-publishing-strict-time")
                .addDeserializer(Instant.class, new IsoInstant())
                .addDeserializer(LocalDate.class, new IsoDate()));
    }

    private static final class IsoInstant extends StdScalarDeserializer<Instant> {
        IsoInstant() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = parser.hasToken(JsonToken.VALUE_STRING) ? parser.getText() : null;
            try {
                Instant instant = text == null ? null : Instant.parse(text);
                if (instant != null && !instant.isBefore(FIRST) && !instant.isAfter(LAST)) {
                    return instant;
                }
            } catch (DateTimeParseException unreadable) {
                // refused below
            }
            throw InvalidFormatException.from(parser, "not an ISO-8601 instant of years 1 to 9999", text, Instant.class);
        }
    }

    private static final class IsoDate extends StdScalarDeserializer<LocalDate> {
        IsoDate() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = parser.hasToken(JsonToken.VALUE_STRING) ? parser.getText() : null;
            try {
                LocalDate date = text == null ? null : LocalDate.parse(text);
                if (date != null && date.getYear() >= 1 && date.getYear() <= 9999) {
                    return date;
                }
            } catch (DateTimeParseException unreadable) {
                // refused below
            }
            throw InvalidFormatException.from(parser, "not an ISO-8601 date of years 1 to 9999", text, LocalDate.class);
        }
    }
}
