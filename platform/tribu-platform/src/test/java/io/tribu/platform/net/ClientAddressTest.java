package io.tribu.platform.net;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ClientAddressTest {

    /** The console at 10.0.5.7, an ingress at 10.0.9.1, both trusted; everybody else is not. */
    private static final ClientAddress BEHIND_PROXIES = new ClientAddress(List.of("10.0.5.7/32", " 10.0.9.0/24", ""));

    @ParameterizedTest(name = "{0} with X-Forwarded-For [{1}] is {2}")
    @CsvSource(delimiter = ';', value = {
            // an untrusted peer is the client, whatever it claims
            "198.51.100.4;;198.51.100.4",
            "198.51.100.4;203.0.113.9;198.51.100.4",
            // the console names its client
            "10.0.5.7;203.0.113.9;203.0.113.9",
            // a client's forged entry stays left of the address the console appended
            "10.0.5.7;6.6.6.6, 203.0.113.9;203.0.113.9",
            // ingress then console: both skipped
            "10.0.5.7;6.6.6.6, 203.0.113.9, 10.0.9.1;203.0.113.9",
            "10.0.5.7;6.6.6.6|203.0.113.9,10.0.9.1;203.0.113.9",
            // IPv6 in brackets, ports
            "10.0.5.7;[2001:db8::7]:4711;2001:db8::7",
            "10.0.5.7;203.0.113.9:4711;203.0.113.9",
            "10.0.5.7;2001:db8::8;2001:db8::8",
            // a trusted peer that names nobody
            "10.0.5.7;;10.0.5.7",
            "10.0.5.7;10.0.9.1;10.0.9.1",
            // not an address: the nearest proxy said so, it is that client's name (never resolved)
            "10.0.5.7;unknown;unknown",
            "10.0.5.7;localhost, 203.0.113.9;203.0.113.9"})
    void theClientIsTheFirstAddressFromTheRightThatNoTrustedProxyStandsFor(String peer, String header, String client) {
        List<String> headers = header == null ? List.of() : Arrays.asList(header.split("\\|"));
        assertEquals(client, BEHIND_PROXIES.of(peer, headers));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"127.0.0.1;203.0.113.9", "10.0.5.7;203.0.113.9"})
    void withoutTrustedProxiesTheHeaderIsNeverRead(String peer, String header) {
        assertEquals(peer, new ClientAddress(List.of()).of(peer, List.of(header)));
    }
}
