package io.tribu.analytics.period;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.time.ZoneId;

/**
 * The time zone a measure's local days and hours are read in, {@code tz} (a {@code @BeanParam}): written once, with the
 * same documentation on every operation.
 */
public class ZoneParameter {

    @Parameter(description = "IANA time zone (default Europe/Paris)", example = "Europe/Paris", schema = @Schema(type = SchemaType.STRING, maxLength = 64))
    @QueryParam("tz")
    String tz;

    /** Days of that zone; an unknown zone, a 400 naming {@code tz}. */
    public Bucketing days() {
        return Bucketing.parse("day", tz);
    }

    /** The zone; an unknown one, a 400 naming {@code tz}. */
    public ZoneId zone() {
        return days().zone();
    }
}
