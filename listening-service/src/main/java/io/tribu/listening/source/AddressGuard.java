package io.tribu.listening.source;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * Refuses URLs that point inside the platform (SSRF): loopback, private, link-local (cloud metadata
 * at 169.254.169.254), carrier-grade NAT, unique-local IPv6, multicast and the unspecified address.
 * Checked when a source is saved and again before every request and redirect, since DNS answers
 * can change. Development and tests may allow private addresses by configuration.
 */
@ApplicationScoped
public class AddressGuard {

    private final boolean allowPrivateAddresses;

    public AddressGuard(@ConfigProperty(name = "tribu.sources.allow-private-addresses") boolean allowPrivateAddresses) {
        this.allowPrivateAddresses = allowPrivateAddresses;
    }

    /** Why the URL may not be fetched, or null when it may. */
    public String refusal(URI url) {
        String scheme = url.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
            return "only http and https URLs can be fetched";
        }
        String host = url.getHost();
        if (host == null || host.isBlank()) {
            return "the URL has no host";
        }
        if (allowPrivateAddresses) {
            return null;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (isInternal(address)) {
                    return "the host " + host + " resolves to an internal address (" + address.getHostAddress() + ")";
                }
            }
            return null;
        } catch (UnknownHostException e) {
            return "the host " + host + " cannot be resolved";
        }
    }

    static boolean isInternal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            return (bytes[0] & 0xfe) == 0xfc; // fc00::/7 unique local
        }
        int first = bytes[0] & 0xff;
        int second = bytes[1] & 0xff;
        return first == 0                                    // "this network"
                || (first == 100 && second >= 64 && second <= 127) // 100.64.0.0/10 carrier-grade NAT
                || (first == 192 && second == 0 && (bytes[2] & 0xff) == 0) // 192.0.0.0/24 protocol assignments
                || first >= 240;                              // reserved and broadcast
    }
}
