package io.tribu.analytics.csv;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** {@code ?format=csv} asks for CSV like {@code Accept: text/csv}, for links a browser can follow. */
public class CsvFormatFilter {

    @ServerRequestFilter(preMatching = true)
    public void csvFromQuery(ContainerRequestContext request) {
        String format = request.getUriInfo().getQueryParameters().getFirst("format");
        if ("csv".equalsIgnoreCase(format)) {
            request.getHeaders().putSingle(HttpHeaders.ACCEPT, CsvWriter.TEXT_CSV);
        }
    }
}
