package io.tribu.platform.net;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which URLs a service may connect to on a user's behalf (SSRF). A URL saved by a user (a feed, an
 * alert webhook, a network's base URL, a medium) must not reach the platform's inside: loopback,
 * private and link-local networks (cloud metadata at 169.254.169.254), carrier-grade NAT, the
 * special-purpose ranges of RFC 6890, unique-local IPv6, multicast and the unspecified address.
 * Operators may allow chosen networks as CIDR blocks (an internal CDN; the local fakes in dev and
 * tests). Check when the URL is saved and again before every connection and redirect, since DNS
 * answers change: {@link #pin} resolves the host once, checks every address, and names the one to
 * connect to, so that the HTTP client never resolves the name a second time (DNS rebinding).
 * {@link PinnedHttp} is the client that does so.
 */
public final class UrlGuard {

    /** Special-purpose ranges Java's InetAddress predicates do not cover (RFC 6890 and RFC 4193). */
    private static final List<Block> NOT_PUBLIC = List.of(
            Block.parse("0.0.0.0/8"), Block.parse("100.64.0.0/10"), Block.parse("192.0.0.0/24"),
            Block.parse("192.0.2.0/24"), Block.parse("198.18.0.0/15"), Block.parse("198.51.100.0/24"),
            Block.parse("203.0.113.0/24"), Block.parse("240.0.0.0/4"), Block.parse("fc00::/7"),
            Block.parse("64:ff9b::/96"), Block.parse("2001:db8::/32"));

    /** A host written as an address (IPv4, or IPv6 in brackets): read without a lookup. */
    private static final Pattern LITERAL = Pattern.compile("[0-9.]+|\\[[0-9a-fA-F:.]+]");

    private final List<Block> allowed;
    private final HostResolver resolver;

    /** @param allowedNetworks CIDR blocks allowed although not public; blank entries are ignored */
    public UrlGuard(List<String> allowedNetworks) {
        this(allowedNetworks, HostResolver.SYSTEM);
    }

    /**
     * @param allowedNetworks CIDR blocks allowed although not public; blank entries are ignored
     * @param resolver        the DNS lookup (the system's, or a test's double)
     */
    public UrlGuard(List<String> allowedNetworks, HostResolver resolver) {
        this.allowed = allowedNetworks.stream().map(String::trim).filter(cidr -> !cidr.isEmpty()).map(Block::parse).toList();
        this.resolver = resolver;
    }

    /** Only public addresses. */
    public static UrlGuard publicOnly() {
        return new UrlGuard(List.of());
    }

    /** Every address, for local runs against fakes on loopback. */
    public static UrlGuard anyAddress() {
        return new UrlGuard(List.of("0.0.0.0/0", "::/0"));
    }

    /** Why the URL may not be fetched, or empty when it may: http(s) with a host resolving only to allowed addresses. */
    public Optional<String> refusal(URI url) {
        try {
            pin(url);
            return Optional.empty();
        } catch (Refused refused) {
            return Optional.of(refused.getMessage());
        }
    }

    /**
     * Where to connect for this URL: its host resolved once, every address allowed, the first one with the
     * URL's port. The caller connects to that address and keeps the host name for the Host header, TLS SNI
     * and the certificate check. Blocking (a DNS lookup): never on an event loop.
     *
     * @throws Refused when the URL is not http(s), carries credentials, or its host does not resolve or
     *                 resolves to a refused address
     */
    public Pinned pin(URI url) {
        String scheme = url.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
            throw new Refused("only http and https URLs can be used");
        }
        String host = url.getHost();
        if (host == null || host.isBlank()) {
            throw new Refused("the URL has no host");
        }
        if (url.getUserInfo() != null) {
            throw new Refused("the URL may not carry a user name or password");
        }
        List<InetAddress> addresses;
        try {
            // getAllByName reads a literal without any lookup
            addresses = LITERAL.matcher(host).matches() ? List.of(InetAddress.getAllByName(host)) : resolver.lookup(host);
        } catch (UnknownHostException e) {
            addresses = List.of();
        }
        if (addresses.isEmpty()) {
            throw new Refused("the host " + host + " cannot be resolved", true);
        }
        for (InetAddress address : addresses) {
            if (!allows(address)) {
                throw new Refused("the host " + host + " resolves to an internal address (" + address.getHostAddress() + ")");
            }
        }
        int port = url.getPort() != -1 ? url.getPort() : scheme.equalsIgnoreCase("https") ? 443 : 80;
        return new Pinned(url, new InetSocketAddress(addresses.get(0), port));
    }

    /** A checked URL and the address to connect to for it. */
    public record Pinned(URI url, InetSocketAddress address) {
    }

    public boolean allows(InetAddress address) {
        return isPublic(address) || allowed.stream().anyMatch(block -> block.contains(address));
    }

    public static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        if (address instanceof Inet6Address v6 && isIpv4Compatible(v6)) {
            return false;
        }
        return NOT_PUBLIC.stream().noneMatch(block -> block.contains(address));
    }

    /** ::a.b.c.d (deprecated IPv4-compatible form), which some stacks still route to the IPv4 address. */
    private static boolean isIpv4Compatible(Inet6Address address) {
        byte[] bytes = address.getAddress();
        for (int i = 0; i < 12; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** A refused connection target; its message says why, fit for a problem's detail. */
    public static final class Refused extends RuntimeException {
        private final boolean unresolved;

        Refused(String reason) {
            this(reason, false);
        }

        Refused(String reason, boolean unresolved) {
            super(reason, null, false, false);
            this.unresolved = unresolved;
        }

        /** The host did not resolve: perhaps a resolver's hiccup, worth a later retry, unlike a refused address. */
        public boolean unresolved() {
            return unresolved;
        }
    }

    /** A CIDR block, IPv4 or IPv6. */
    record Block(byte[] network, int bits) {

        static Block parse(String cidr) {
            int slash = cidr.indexOf('/');
            try {
                // Literal addresses only: getByName does no DNS lookup for them.
                if (!cidr.matches("[0-9a-fA-F:.]+/[0-9]{1,3}")) {
                    throw new IllegalArgumentException("not a CIDR block: " + cidr);
                }
                byte[] network = InetAddress.getByName(cidr.substring(0, slash)).getAddress();
                int bits = Integer.parseInt(cidr.substring(slash + 1));
                if (bits > network.length * 8) {
                    throw new IllegalArgumentException("not a CIDR block: " + cidr);
                }
                return new Block(network, bits);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("not a CIDR block: " + cidr, e);
            }
        }

        boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            if (candidate.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < bits; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((candidate[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
