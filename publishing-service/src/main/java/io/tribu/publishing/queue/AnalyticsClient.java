package io.tribu.publishing.queue;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;

/** The analytics service's best publishing slots of a channel (base URL: quarkus.rest-client.analytics.url). */
@RegisterRestClient(configKey = "analytics")
@Path("/brands/{brandId}/best-slots")
public interface AnalyticsClient {

    /** The answer's fields this service reads; others are ignored. */
    record BestSlots(String brandId, String channelId, String timezone, List<Slot> slots) {
    }

    /** {@code start} is an ISO-8601 date-time with offset, e.g. 2026-11-24T18:00:00+01:00. */
    record Slot(String start, Double score, String basis) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    Uni<BestSlots> bestSlots(@PathParam("brandId") String brandId, @QueryParam("channelId") String channelId,
                             @QueryParam("from") String from, @QueryParam("to") String to,
                             @QueryParam("count") int count, @QueryParam("tz") String tz,
                             @HeaderParam("Authorization") String authorization);
}
