package io.tribu.publishing.post;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.util.List;

/** A variant's media URLs as the JSON array text they are stored as. */
@Converter
public class MediaUrls implements AttributeConverter<List<String>, String> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    @Override
    public String convertToDatabaseColumn(List<String> urls) {
        try {
            return JSON.writeValueAsString(urls == null ? List.of() : urls);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("media URLs not writable", e);
        }
    }

    @Override
    public List<String> convertToEntityAttribute(String stored) {
        return read(stored);
    }

    public static List<String> read(String stored) {
        try {
            return stored == null || stored.isBlank() ? List.of() : List.copyOf(JSON.readValue(stored, STRINGS));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored media URLs are not a JSON array", e);
        }
    }
}
