package io.tribu.publishing.network;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.InetAddress;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AddressGuardTest {

    @ParameterizedTest(name = "{0}: public {1}, with 127.0.0.0/8 and 10.1.2.0/24 allowed {2}")
    @CsvSource({
            "93.184.215.14, true, true",
            "2606:2800:21f:cb07:6820:80da:af6b:8b2c, true, true",
            "127.0.0.1, false, true",
            "127.8.9.10, false, true",
            "::1, false, false",
            "10.1.2.3, false, true",
            "10.1.3.3, false, false",
            "172.16.0.1, false, false",
            "192.168.1.1, false, false",
            "169.254.169.254, false, false",
            "100.64.0.1, false, false",
            "0.0.0.0, false, false",
            "224.0.0.1, false, false",
            "fe80::1, false, false",
            "fd00:ec2::254, false, false",
            "::ffff:10.0.0.1, false, false",
            "::7f00:1, false, false",
            "64:ff9b::a9fe:a9fe, false, false",
    })
    void onlyPublicAddressesUnlessTheirNetworkIsAllowed(String address, boolean isPublic, boolean allowed) throws Exception {
        InetAddress literal = InetAddress.getByName(address);
        assertEquals(isPublic, AddressGuard.isPublic(literal));
        assertEquals(isPublic, new AddressGuard(List.of()).allows(literal));
        assertEquals(allowed, new AddressGuard(List.of("127.0.0.0/8", " 10.1.2.0/24 ")).allows(literal));
    }

    @ParameterizedTest
    @CsvSource({"localhost/8", "10.0.0.0/33", "10.0.0.0", "::1/129"})
    void allowedNetworksAreCidrBlocks(String notABlock) {
        assertThrows(IllegalArgumentException.class, () -> new AddressGuard(List.of(notABlock)));
    }
}
