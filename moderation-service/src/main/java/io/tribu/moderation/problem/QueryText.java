package io.tribu.moderation.problem;

import io.tribu.platform.json.StrictJson;
import io.tribu.platform.problem.Problems;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Map;

/**
 * Query parameters are text PostgreSQL must be able to compare: a NUL character or an unpaired surrogate in any of
 * them answers 400 naming the parameter, before a resource reads it (a NUL reached the database and failed there
 * with a 500).
 */
public class QueryText {

    @ServerRequestFilter
    public void refuseUnstorableText(UriInfo uriInfo) {
        for (Map.Entry<String, List<String>> parameter : uriInfo.getQueryParameters().entrySet()) {
            for (String value : parameter.getValue()) {
                String refusal = value == null ? null : StrictJson.refusal(value);
                if (refusal != null) {
                    throw Problems.invalidParameter(parameter.getKey(), refusal);
                }
            }
        }
    }
}
