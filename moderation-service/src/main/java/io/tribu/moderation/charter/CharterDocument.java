package io.tribu.moderation.charter;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** A saved version of a brand's charter as written, with who saved it and when. */
public record CharterDocument(String brandId, int version,
                              @Schema(ref = "Charter", description = "The charter as it was saved")
                              JsonNode document,
                              String savedBy, Instant savedAt) {
}
