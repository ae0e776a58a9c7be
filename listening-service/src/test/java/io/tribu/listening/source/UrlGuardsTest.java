package io.tribu.listening.source;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.tribu.platform.net.UrlGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** tribu.sources.allow-private-addresses chooses the platform guard; the addresses themselves are UrlGuardTest's. */
class UrlGuardsTest {

    final UrlGuard production = new UrlGuards().urlGuard(false);
    final UrlGuard development = new UrlGuards().urlGuard(true);

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/feed", "http://10.1.2.3/", "http://169.254.169.254/latest/meta-data/",
            "http://[::1]/", "http://[fd12:3456::1]/", "http://100.64.0.1/", "file:///etc/passwd", "http://user:pw@8.8.8.8/"})
    void productionRefusesInternalAndNonHttpTargets(String url) {
        assertTrue(production.refusal(URI.create(url)).isPresent(), url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://8.8.8.8/feed", "https://[2606:4700::6810:85e5]/rss"})
    void productionAllowsPublicAddresses(String url) {
        assertTrue(production.refusal(URI.create(url)).isEmpty(), url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:9999/feed", "http://10.0.0.5/"})
    void allowingPrivateAddressesAllowsThem(String url) {
        assertTrue(development.refusal(URI.create(url)).isEmpty(), url);
    }

    @Test
    void aFieldThatIsNoUrlIsA400NamingIt() {
        HttpProblem unparsable = assertThrows(HttpProblem.class, () -> UrlGuards.parse("webhookUrl", "https://exa^mple.com/"));
        assertEquals(400, unparsable.getStatusCode());
        assertTrue(unparsable.getDetail().startsWith("webhookUrl: "), unparsable.getDetail());
        assertThrows(HttpProblem.class, () -> UrlGuards.parse("url", "http:/no-host"));
    }
}
