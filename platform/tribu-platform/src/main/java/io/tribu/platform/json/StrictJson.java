package io.tribu.platform.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Request bodies are read as written, never guessed at: a number is not a string nor the reverse
 * ({@code 12345} became the date 2003-10-20), {@code 1.5} is not the integer 1, and text holding a NUL
 * (PostgreSQL cannot store it) or an unpaired surrogate (stored as "?", echoed as JSON strict parsers
 * reject) is refused, naming the field, instead of failing with a 500 or being silently changed.
 * An instant is an ISO-8601 string within years 0001..9999 (Jackson's own reader takes {@code 12345},
 * {@code 1.5} and {@code "12345"} as seconds since 1970 whatever the coercion settings say, and year
 * 300000 is a Java instant PostgreSQL refuses); a date is an ISO-8601 {@code yyyy-MM-dd} string of the same years
 * (the time module reads {@code 12345} as the 12,345th day after 1970 and {@code [2026,12,1]} as a date); an integer beyond its type's range is refused naming its
 * field (Jackson reports it as unreadable JSON without a path). A missing field keeps its default: the
 * same mapper reads events, and a consumer must read what a newer producer sends (tolerant reader);
 * required body fields are boxed and {@code @NotNull}.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    static final Instant FIRST = Instant.parse("0001-01-01T00:00:00Z");
    static final Instant LAST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    /** Last, so that its readers win over the Java time module's. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        apply(mapper);
    }

    /** The same rules on a mapper built by hand (tests, Kafka readers). */
    public static ObjectMapper apply(ObjectMapper mapper) {
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        for (LogicalType number : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            mapper.coercionConfigFor(number).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.DateTime)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.registerModule(new SimpleModule("tribu-strict-values")
                .addDeserializer(String.class, new CleanText())
                .addDeserializer(Instant.class, new IsoInstant())
                .addDeserializer(LocalDate.class, new IsoDate())
                .addDeserializer(Integer.class, new InRangeInteger()));
        return mapper;
    }

    /** Whether PostgreSQL can store the instant and ISO-8601 write it with a four-digit year. */
    public static boolean isStorable(Instant instant) {
        return !instant.isBefore(FIRST) && !instant.isAfter(LAST);
    }

    /**
     * Third-party text made storable: each NUL and unpaired surrogate becomes U+FFFD. For what a connector
     * reads from a feed or a network, which cannot be sent back; text a client sends is refused instead.
     */
    public static String cleaned(String text) {
        if (text == null || refusal(text) == null) {
            return text;
        }
        StringBuilder clean = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                clean.append(c).append(text.charAt(++i));
            } else if (c == '\u0000' || Character.isSurrogate(c)) {
                clean.append('\ufffd');
            } else {
                clean.append(c);
            }
        }
        return clean.toString();
    }

    /** Why text cannot be stored as it is, or null when it can. */
    public static String refusal(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return "must not contain a NUL character (\\u0000)";
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "must not contain an unpaired surrogate (" + String.format("\\u%04x", (int) c) + ")";
            }
            if (Character.isLowSurrogate(c)) {
                return "must not contain an unpaired surrogate (" + String.format("\\u%04x", (int) c) + ")";
            }
        }
        return null;
    }

    /** A string value that is not text PostgreSQL and strict JSON parsers accept. */
    public static final class InvalidTextException extends MismatchedInputException {
        InvalidTextException(JsonParser parser, String message) {
            super(parser, message, String.class);
        }
    }

    private static final class CleanText extends StringDeserializer {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = super.deserialize(parser, context);
            String refusal = text == null ? null : refusal(text);
            if (refusal != null) {
                throw new InvalidTextException(parser, refusal);
            }
            return text;
        }
    }

    private static final class IsoInstant extends StdScalarDeserializer<Instant> {
        IsoInstant() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING) || parser.getText().indexOf('T') < 0) {
                throw InvalidFormatException.from(parser, "not an ISO-8601 instant", parser.getText(), Instant.class);
            }
            Instant instant = InstantDeserializer.INSTANT.deserialize(parser, context);
            if (!isStorable(instant)) {
                throw InvalidFormatException.from(parser, "year out of range", parser.getText(), Instant.class);
            }
            return instant;
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

    private static final class InRangeInteger extends StdScalarDeserializer<Integer> {
        private static final NumberDeserializers.IntegerDeserializer STANDARD = new NumberDeserializers.IntegerDeserializer(Integer.class, null);

        InRangeInteger() {
            super(Integer.class);
        }

        @Override
        public Integer deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.hasToken(JsonToken.VALUE_NUMBER_INT) && parser.getNumberType() != JsonParser.NumberType.INT) {
                throw InvalidFormatException.from(parser, "out of range", parser.getText(), Integer.class);
            }
            return STANDARD.deserialize(parser, context);
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Integer;
        }
    }
}
