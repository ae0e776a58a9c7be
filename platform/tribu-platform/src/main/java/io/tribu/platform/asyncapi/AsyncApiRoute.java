package io.tribu.platform.asyncapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tribu.platform.config.PlatformConfig;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * Serves the service's AsyncAPI document at {@value #PATH}, next to its OpenAPI document, without a token like
 * {@code /q/openapi}. Built once at startup from the schemas named by {@code tribu.asyncapi.events}: a schema that is
 * missing or names no topic stops the start. A service that names none serves nothing there.
 */
@ApplicationScoped
public class AsyncApiRoute {

    public static final String PATH = "/q/asyncapi";

    private final ObjectMapper json;
    private final String service;
    private final String version;
    private final String bootstrap;
    private final Optional<List<String>> events;

    AsyncApiRoute(ObjectMapper json, @ConfigProperty(name = "quarkus.application.name") String service,
            @ConfigProperty(name = "quarkus.application.version", defaultValue = "0") String version,
            @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "localhost:9092") String bootstrap,
            PlatformConfig config) {
        this.json = json;
        this.service = service;
        this.version = version;
        this.bootstrap = bootstrap;
        this.events = config.asyncapi().events();
    }

    void register(@Observes Router router) throws JsonProcessingException {
        if (events.isEmpty()) {
            return;
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Buffer document = Buffer.buffer(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(AsyncApiDocument.build(
                json, service, version, bootstrap, events.get(),
                name -> Optional.<InputStream>ofNullable(loader.getResourceAsStream(name)))));
        router.get(PATH).handler(context -> context.response()
                .putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-cache")
                .end(document));
    }
}
