package io.tribu.moderation.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;

/**
 * An integer beyond its type's range ({@code 99999999999999999999999} for a long) is a wrong value of that field,
 * answered 400 naming it like any other (the platform's BodyProblems). Jackson reports it as a parse error of the
 * whole document, which named no field ("The body is not valid JSON").
 */
@Singleton
public class NumbersInRange implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule module = new SimpleModule("tribu-numbers-in-range");
        for (Class<?> type : new Class<?>[] {Integer.class, int.class, Long.class, long.class, Short.class, short.class}) {
            register(module, type);
        }
        mapper.registerModule(module);
    }

    @SuppressWarnings("unchecked")
    private static <T> void register(SimpleModule module, Class<T> type) {
        module.addDeserializer(type, new InRange<>(type, (JsonDeserializer<T>) NumberDeserializers.find(type, type.getName())));
    }

    private static final class InRange<T> extends StdDeserializer<T> {
        private final JsonDeserializer<T> standard;

        InRange(Class<T> type, JsonDeserializer<T> standard) {
            super(type);
            this.standard = standard;
        }

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            try {
                return standard.deserialize(parser, context);
            } catch (InputCoercionException e) {
                throw InvalidFormatException.from(parser, "out of range of " + handledType().getSimpleName(), parser.getText(), handledType());
            }
        }

        @Override
        public com.fasterxml.jackson.databind.type.LogicalType logicalType() {
            return standard.logicalType();
        }

        @Override
        public T getNullValue(DeserializationContext context) throws com.fasterxml.jackson.databind.JsonMappingException {
            return standard.getNullValue(context);
        }

        @Override
        public Object getEmptyValue(DeserializationContext context) throws com.fasterxml.jackson.databind.JsonMappingException {
            return standard.getEmptyValue(context);
        }
    }
}
