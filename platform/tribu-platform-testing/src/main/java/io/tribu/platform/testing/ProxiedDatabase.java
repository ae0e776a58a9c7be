package io.tribu.platform.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

/**
 * The service under test reaches its test database through a {@link TcpProxy} the test can cut and restore, injected
 * into its {@link Proxy} field. Arguments: {@code database} (required, e.g. {@code listening_test}) and
 * {@code kafka=unreachable} to start the service against a broker port nothing listens on.
 * <pre>
 * &#64;QuarkusTestResource(value = ProxiedDatabase.class, restrictToAnnotatedClass = true,
 *         initArgs = &#64;ResourceArg(name = "database", value = "listening_test"))
 * </pre>
 */
public class ProxiedDatabase implements QuarkusTestResourceLifecycleManager {

    /** Marks the test's {@link TcpProxy} field. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Proxy {
    }

    private String database;
    private boolean kafkaUnreachable;
    private TcpProxy proxy;

    @Override
    public void init(Map<String, String> args) {
        database = args.get("database");
        if (database == null) {
            throw new IllegalArgumentException("ProxiedDatabase needs the database argument, e.g. listening_test");
        }
        kafkaUnreachable = "unreachable".equals(args.get("kafka"));
    }

    @Override
    public Map<String, String> start() {
        String host = System.getenv().getOrDefault("TRIBU_DB_HOST", "localhost");
        int port = Integer.parseInt(System.getenv().getOrDefault("TRIBU_DB_PORT", "55432"));
        Map<String, String> config = new HashMap<>();
        try {
            proxy = new TcpProxy(host, port);
            config.put("tribu.db.url", "//localhost:" + proxy.port() + "/" + database);
            if (kafkaUnreachable) {
                try (ServerSocket unused = new ServerSocket(0)) {
                    config.put("kafka.bootstrap.servers", "localhost:" + unused.getLocalPort());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return config;
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(proxy, new TestInjector.AnnotatedAndMatchesType(Proxy.class, TcpProxy.class));
    }

    @Override
    public void stop() {
        try {
            proxy.close();
        } catch (IOException ignored) {
            // the test ends
        }
    }
}
