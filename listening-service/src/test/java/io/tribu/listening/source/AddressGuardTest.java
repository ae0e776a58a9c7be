package io.tribu.listening.source;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class AddressGuardTest {

    final AddressGuard production = new AddressGuard(false);

    @ParameterizedTest
    @ValueSource(strings = {
            "http://127.0.0.1/feed", "http://localhost:8080/feed", "http://10.1.2.3/", "http://172.16.0.1/",
            "http://192.168.1.10/", "http://169.254.169.254/latest/meta-data/", "http://100.64.0.1/",
            "http://0.0.0.0/", "http://[::1]/", "http://[fd12:3456::1]/", "http://[fe80::1]/",
            "http://224.0.0.1/", "http://255.255.255.255/", "file:///etc/passwd", "gopher://example.com/"})
    void internalOrNonHttpTargetsAreRefusedInProduction(String url) {
        assertNotNull(production.refusal(URI.create(url)), url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://93.184.215.14/feed", "https://[2606:4700::6810:85e5]/rss", "http://8.8.8.8/"})
    void publicAddressesAreAllowed(String url) {
        assertNull(production.refusal(URI.create(url)), url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:9999/feed", "http://10.0.0.5/"})
    void developmentMayAllowPrivateAddresses(String url) {
        assertNull(new AddressGuard(true).refusal(URI.create(url)));
    }
}
