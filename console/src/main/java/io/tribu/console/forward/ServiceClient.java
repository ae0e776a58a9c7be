package io.tribu.console.forward;

import io.tribu.console.ConsoleConfig;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one HTTP client the console's server reaches the services with (the page's forwarder, the public approval-link
 * paths and the MCP tools): redirects are the caller's to follow, and a connection waits at most the forward timeout
 * (5 s at the most).
 */
@ApplicationScoped
public class ServiceClient {

    private final WebClient client;

    public ServiceClient(ConsoleConfig config, Vertx vertx) {
        this.client = WebClient.create(vertx, new WebClientOptions().setFollowRedirects(false)
                .setConnectTimeout((int) Math.min(config.forwardTimeout().toMillis(), 5_000)));
    }

    public WebClient web() {
        return client;
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
