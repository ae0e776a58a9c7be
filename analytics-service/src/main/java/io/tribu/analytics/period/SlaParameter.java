package io.tribu.analytics.period;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.time.Duration;

/**
 * The response-time target the SLA measures are held to, {@code slaMinutes} (a {@code @BeanParam}): written once, with
 * the same documentation and bounds on every operation.
 */
public class SlaParameter {

    /** A week: the longest target the measures accept. */
    public static final int LONGEST_MINUTES = 7 * 24 * 60;

    @Parameter(description = "Response-time target in minutes", example = "60", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "10080", defaultValue = "60"))
    @QueryParam("slaMinutes")
    @DefaultValue("60")
    String slaMinutes;

    /** The target; not a whole number of minutes from 1 to a week, a 400 naming {@code slaMinutes}. */
    public Duration sla() {
        return Duration.ofMinutes(ReportingPeriod.count("slaMinutes", slaMinutes, 1, LONGEST_MINUTES));
    }
}
