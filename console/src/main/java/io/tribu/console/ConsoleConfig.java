package io.tribu.console;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/** The console's own settings; OIDC and the session cookie are Quarkus' ({@code quarkus.oidc.*}). */
@ConfigMapping(prefix = "tribu.console")
public interface ConsoleConfig {

    /** Base URL of each service the page may reach through {@code /api/<name>/**}, by name. */
    Map<String, String> services();

    /**
     * How long the console waits for a service's whole answer before it answers 504; also the deadline of each service
     * call of an MCP tool.
     */
    @WithDefault("10s")
    Duration forwardTimeout();

    /** Name of the double-submit CSRF cookie (readable by the page, which echoes it in a header). */
    @WithDefault("tribu-csrf")
    String csrfCookie();

    /** Marks the CSRF cookie Secure; true outside dev and test, where the console is served over HTTPS. */
    @WithDefault("true")
    boolean secureCookies();
}
