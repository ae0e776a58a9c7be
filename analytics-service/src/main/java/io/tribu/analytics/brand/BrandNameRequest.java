package io.tribu.analytics.brand;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The name a brand is shown by. */
@Schema(name = "BrandNameRequest")
public record BrandNameRequest(
        @Schema(required = true, examples = "Café Lumière", minLength = 1, maxLength = BrandNameRequest.LONGEST,
                description = "shown for the brand in share of voice and the report; surrounding spaces are dropped")
        @NotBlank @Size(max = LONGEST) @Pattern(regexp = "[^\\p{Cc}]*", message = "must not contain control characters")
        String name) {

    static final int LONGEST = 100;
}
