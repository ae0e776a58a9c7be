package io.tribu.listening.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.time.Instant;

/**
 * What the platform's {@code StrictJson} does not cover yet (found by the bad-input probe), for every body
 * this service reads:
 * <ul>
 *   <li>an instant is an ISO-8601 string only: Jackson's own reader takes {@code 12345}, {@code 1.5} and
 *       {@code "12345"} as seconds since 1970, whatever the coercion settings say; and its year is within
 *       0001..9999, which PostgreSQL stores (year 300000 is a valid Java instant and a failed insert);</li>
 *   <li>an integer beyond its type's range is refused naming its field (Jackson reports it as unreadable
 *       JSON without a path, so the answer named no field).</li>
 * </ul>
 * Runs after the other customizers, so its readers win over the Java time module's.
 */
@Singleton
public class StrictValues implements ObjectMapperCustomizer {

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

    /** The same rules on a mapper built by hand (tests). */
    public static ObjectMapper apply(ObjectMapper mapper) {
        return mapper.registerModule(new SimpleModule("tribu-listening-strict-values")
                .addDeserializer(Instant.class, new IsoInstant())
                .addDeserializer(Integer.class, new InRangeInteger()));
    }

    /** Whether PostgreSQL can store the instant and ISO-8601 write it with a four-digit year. */
    public static boolean isStorable(Instant instant) {
        return !instant.isBefore(FIRST) && !instant.isAfter(LAST);
    }

    /**
     * Third-party text made storable: each NUL and unpaired surrogate becomes U+FFFD. For what a connector reads
     * from a feed or a network, which cannot be sent back; text a client sends is refused instead.
     */
    public static String cleaned(String text) {
        if (text == null || io.tribu.platform.json.StrictJson.refusal(text) == null) {
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
        public com.fasterxml.jackson.databind.type.LogicalType logicalType() {
            return com.fasterxml.jackson.databind.type.LogicalType.Integer;
        }
    }
}
