package io.tribu.publishing.approvallink;

import io.tribu.publishing.config.PublishingConfig;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.time.Clock;
import java.time.Duration;

/**
 * Counts every request to the public approval-link paths against its client address' budget
 * ({@code tribu.approval-links.requests-per-minute}) before routing, validation or any database read, so
 * malformed requests are counted too; over the budget: 429 problem+json with Retry-After. The address is the
 * connection's, or the proxy's forwarded one when {@code quarkus.http.proxy.proxy-address-forwarding} is on.
 * Application-scoped, not a singleton: RESTEasy builds its filters at static init, before the runtime configuration
 * (PublishingConfig) exists; the client proxy creates the bean at the first request.
 */
@ApplicationScoped
public class LinkRequestBudget {

    static final String PATH_PREFIX = "/approval-links/";

    private final RequestBudget budget;

    public LinkRequestBudget(Clock clock, PublishingConfig config) {
        this.budget = new RequestBudget(config.approvalLinks().requestsPerMinute(), Duration.ofMinutes(1), 100_000, clock);
    }

    @ServerRequestFilter(preMatching = true)
    public void count(HttpServerRequest request) {
        if (!request.path().startsWith(PATH_PREFIX)) {
            return;
        }
        String address = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        budget.spend(address).ifPresent(wait -> {
            throw LinkProblems.tooManyRequests(wait);
        });
    }
}
