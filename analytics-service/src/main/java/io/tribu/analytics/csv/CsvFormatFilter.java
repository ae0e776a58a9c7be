package io.tribu.analytics.csv;

import io.tribu.platform.problem.Problems;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Locale;

/**
 * {@code ?format=csv} asks for CSV like {@code Accept: text/csv}, for links a browser can follow; {@code json} for
 * JSON. Any other value is refused rather than silently answered in another format.
 */
public class CsvFormatFilter {

    @ServerRequestFilter(preMatching = true)
    public void formatFromQuery(ContainerRequestContext request) {
        String format = request.getUriInfo().getQueryParameters().getFirst("format");
        if (format == null) {
            return;
        }
        switch (format.toLowerCase(Locale.ROOT)) {
            case "csv" -> request.getHeaders().putSingle(HttpHeaders.ACCEPT, CsvWriter.TEXT_CSV);
            case "json" -> request.getHeaders().putSingle(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON);
            default -> throw Problems.invalidParameter("format", "must be csv or json");
        }
    }
}
