package io.tribu.analytics.period;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.time.Instant;

/**
 * The period most measures read, {@code from} and {@code to} (a {@code @BeanParam}): written once, with the same
 * documentation on every operation.
 */
public class PeriodParameters {

    @Parameter(description = "Start, inclusive: an ISO-8601 instant (default: 30 days before `to`)", example = "2026-11-01T00:00:00Z", schema = @Schema(type = SchemaType.STRING, format = "date-time"))
    @QueryParam("from")
    String from;

    @Parameter(description = "End, exclusive: an ISO-8601 instant (default: now)", example = "2026-12-01T00:00:00Z", schema = @Schema(type = SchemaType.STRING, format = "date-time"))
    @QueryParam("to")
    String to;

    /** The period they name: 30 days up to {@code to}, which is now by default; unreadable, a 400 naming the parameter. */
    public ReportingPeriod period(Instant now) {
        return ReportingPeriod.parse(from, to, now);
    }
}
