package io.tribu.analytics.brand;

import java.time.Instant;

/** A brand's display name; {@code name} null when none was set (measures then show the brand id). */
public record BrandNameView(String brandId, String name, Instant updatedAt, String updatedBy) {
}
