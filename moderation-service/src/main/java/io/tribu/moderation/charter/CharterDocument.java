package io.tribu.moderation.charter;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/** A saved version of a brand's charter as written, with who saved it and when. */
public record CharterDocument(String brandId, int version, JsonNode document, String savedBy, Instant savedAt) {
}
