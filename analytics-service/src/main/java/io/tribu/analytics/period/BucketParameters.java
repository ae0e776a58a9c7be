package io.tribu.analytics.period;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * How a time series is cut, {@code granularity} in the time zone {@code tz} (a {@code @BeanParam}): written once, with
 * the same documentation on every operation that answers a series.
 */
public class BucketParameters extends ZoneParameter {

    @Parameter(description = "Bucket size", example = "day", schema = @Schema(type = SchemaType.STRING, enumeration = {"hour", "day", "week"}, defaultValue = "day"))
    @QueryParam("granularity")
    String granularity;

    /** The buckets they name; an unknown granularity or zone, a 400 naming the parameter. */
    public Bucketing bucketing() {
        return Bucketing.parse(granularity, tz);
    }
}
