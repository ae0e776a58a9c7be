package io.tribu.publishing.network;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Which addresses a medium URL may point to. Media URLs come from users, so by default only public
 * addresses are allowed: fetching http://169.254.169.254/ (cloud metadata), a pod's 10.x neighbour or
 * the replica's own loopback must not be possible through a post. Operators may allow chosen private
 * networks (an internal CDN; the local fakes in dev and test) as CIDR blocks.
 */
final class AddressGuard {

    /** Special-purpose ranges Java's InetAddress predicates do not cover (RFC 6890 and RFC 4193). */
    private static final List<Block> NOT_PUBLIC = List.of(
            Block.parse("0.0.0.0/8"), Block.parse("100.64.0.0/10"), Block.parse("192.0.0.0/24"),
            Block.parse("192.0.2.0/24"), Block.parse("198.18.0.0/15"), Block.parse("198.51.100.0/24"),
            Block.parse("203.0.113.0/24"), Block.parse("240.0.0.0/4"), Block.parse("fc00::/7"),
            Block.parse("64:ff9b::/96"), Block.parse("2001:db8::/32"));

    private final List<Block> allowed;

    AddressGuard(List<String> allowedPrivateNetworks) {
        this.allowed = allowedPrivateNetworks.stream().map(String::trim).filter(cidr -> !cidr.isEmpty()).map(Block::parse).toList();
    }

    boolean allows(InetAddress address) {
        return isPublic(address) || allowed.stream().anyMatch(block -> block.contains(address));
    }

    static boolean isPublic(InetAddress address) {
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
