package io.tribu.platform.net;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UrlGuardTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.8.9.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254",
            "100.64.0.1", "0.0.0.0", "192.0.0.8", "198.18.0.1", "240.0.0.1", "255.255.255.255", "224.0.0.1",
            "::1", "::", "fe80::1", "fd00::1", "fc00::1", "ff02::1", "::127.0.0.1", "::ffff:127.0.0.1", "::ffff:169.254.169.254",
            "::ffff:10.0.0.1", "64:ff9b::7f00:1", "64:ff9b::a9fe:a9fe", "2001:db8::1"})
    void internalAddressesAreRefused(String literal) throws UnknownHostException {
        InetAddress address = InetAddress.getByName(literal);
        assertFalse(UrlGuard.publicOnly().allows(address), literal);
        assertTrue(UrlGuard.publicOnly().refusal(URI.create("http://" + (literal.contains(":") ? "[" + literal + "]" : literal) + ":9999/x"))
                .orElseThrow().contains("internal address"), literal);
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "1.1.1.1", "2606:4700:4700::1111"})
    void publicAddressesAreAllowed(String literal) throws UnknownHostException {
        assertTrue(UrlGuard.publicOnly().allows(InetAddress.getByName(literal)), literal);
    }

    @Test
    void operatorsAllowChosenNetworksOnly() throws UnknownHostException {
        UrlGuard guard = new UrlGuard(List.of("10.20.0.0/16", " "));
        assertTrue(guard.allows(InetAddress.getByName("10.20.3.4")));
        assertFalse(guard.allows(InetAddress.getByName("10.21.3.4")));
        assertFalse(guard.allows(InetAddress.getByName("127.0.0.1")));
        assertTrue(UrlGuard.anyAddress().allows(InetAddress.getByName("127.0.0.1")));
        assertTrue(UrlGuard.anyAddress().allows(InetAddress.getByName("::1")));
    }

    @Test
    void onlyHttpUrlsWithAHostAndNoCredentials() {
        UrlGuard guard = UrlGuard.anyAddress();
        assertEquals("only http and https URLs can be used", guard.refusal(URI.create("file:///etc/passwd")).orElseThrow());
        assertEquals("only http and https URLs can be used", guard.refusal(URI.create("gopher://127.0.0.1/")).orElseThrow());
        assertEquals("the URL has no host", guard.refusal(URI.create("http:///x")).orElseThrow());
        assertTrue(guard.refusal(URI.create("http://user:pw@127.0.0.1/")).isPresent());
        assertTrue(guard.refusal(URI.create("https://127.0.0.1:8443/feed")).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://[64:ff9b::7f00:1]/", "http://198.18.0.1/", "http://[::ffff:7f00:1]/", "http://169.254.169.254/latest/meta-data/"})
    void nat64BenchmarkingMappedAndMetadataUrlsAreRefused(String url) {
        assertTrue(UrlGuard.publicOnly().refusal(URI.create(url)).orElseThrow().contains("internal address"), url);
    }

    @Test
    void theHostIsResolvedOnceAndTheFirstCheckedAddressIsTheOneToConnectTo() throws UnknownHostException {
        Answers dns = new Answers("93.184.216.34", "10.0.0.7");
        UrlGuard.Pinned pinned = new UrlGuard(List.of(), dns).pin(URI.create("https://feeds.example/rss"));
        assertEquals(new InetSocketAddress(InetAddress.getByName("93.184.216.34"), 443), pinned.address());
        assertEquals(1, dns.lookups.get());
        assertEquals(80, new UrlGuard(List.of(), host -> List.of(InetAddress.getByName("93.184.216.34")))
                .pin(URI.create("http://feeds.example/rss")).address().getPort());
    }

    @Test
    void everyAddressOfTheAnswerMustBeAllowed() throws UnknownHostException {
        HostResolver mixed = host -> List.of(InetAddress.getByName("93.184.216.34"), InetAddress.getByName("169.254.169.254"));
        UrlGuard.Refused refused = assertThrows(UrlGuard.Refused.class,
                () -> new UrlGuard(List.of(), mixed).pin(URI.create("http://feeds.example:8080/")));
        assertEquals("the host feeds.example resolves to an internal address (169.254.169.254)", refused.getMessage());
        assertFalse(refused.unresolved());
    }

    @Test
    void aHostThatDoesNotResolveIsRefusedAsUnresolved() {
        UrlGuard.Refused refused = assertThrows(UrlGuard.Refused.class, () -> new UrlGuard(List.of(), host -> {
            throw new UnknownHostException(host);
        }).pin(URI.create("http://nowhere.example/")));
        assertTrue(refused.unresolved());
        assertTrue(assertThrows(UrlGuard.Refused.class, () -> new UrlGuard(List.of(), host -> List.of())
                .pin(URI.create("http://nowhere.example/"))).unresolved());
    }

    @Test
    void literalsAreReadWithoutTheResolver() {
        HostResolver none = host -> {
            throw new AssertionError("looked up " + host);
        };
        assertEquals("127.0.0.1", new UrlGuard(List.of("127.0.0.1/32"), none).pin(URI.create("http://127.0.0.1:8090/"))
                .address().getAddress().getHostAddress());
        assertEquals("0:0:0:0:0:0:0:1", new UrlGuard(List.of("::1/128"), none).pin(URI.create("http://[::1]:8090/"))
                .address().getAddress().getHostAddress());
    }

    @Test
    void malformedBlocksAreRefusedAtStart() {
        assertThrows(IllegalArgumentException.class, () -> new UrlGuard(List.of("localhost/8")));
        assertThrows(IllegalArgumentException.class, () -> new UrlGuard(List.of("10.0.0.0/33")));
    }

    /** A DNS double for any name: the first address at the first lookup, the next at the next (the last from then on). */
    static final class Answers implements HostResolver {
        final AtomicInteger lookups = new AtomicInteger();
        private final List<String> addresses;

        Answers(String... addresses) {
            this.addresses = List.of(addresses);
        }

        @Override
        public List<InetAddress> lookup(String host) throws UnknownHostException {
            return List.of(InetAddress.getByName(addresses.get(Math.min(lookups.getAndIncrement(), addresses.size() - 1))));
        }
    }
}
