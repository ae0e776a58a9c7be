package io.tribu.publishing.approvallink;

import io.tribu.platform.net.ClientAddress;
import io.tribu.publishing.config.PublishingConfig;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Counts every request to the public approval-link paths against its client address' budget
 * ({@code tribu.approval-links.requests-per-minute}) before routing, validation or any database read, so
 * malformed requests are counted too; over the budget: 429 problem+json with Retry-After. The address is the
 * connection's, or, from a trusted proxy ({@code tribu.approval-links.trusted-proxies}: the console, which forwards
 * every client's calls), the client its {@code X-Forwarded-For} names: else all clients behind the console would
 * share one budget, and one of them could spend everybody's.
 * Application-scoped, not a singleton: RESTEasy builds its filters at static init, before the runtime configuration
 * (PublishingConfig) exists; the client proxy creates the bean at the first request.
 */
@ApplicationScoped
public class LinkRequestBudget {

    static final String PATH_PREFIX = "/approval-links/";

    private final RequestBudget budget;
    private final ClientAddress clients;

    public LinkRequestBudget(Clock clock, PublishingConfig config) {
        this.budget = new RequestBudget(config.approvalLinks().requestsPerMinute(), Duration.ofMinutes(1), 100_000, clock);
        this.clients = new ClientAddress(config.approvalLinks().trustedProxies().orElse(List.of()));
    }

    @ServerRequestFilter(preMatching = true)
    public void count(HttpServerRequest request) {
        if (!request.path().startsWith(PATH_PREFIX)) {
            return;
        }
        String peer = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        String address = clients.of(peer, request.headers().getAll("X-Forwarded-For"));
        budget.spend(address).ifPresent(wait -> {
            throw LinkProblems.tooManyRequests(wait);
        });
    }
}
