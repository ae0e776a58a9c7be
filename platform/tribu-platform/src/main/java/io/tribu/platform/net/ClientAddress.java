package io.tribu.platform.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who a request comes from when proxies stand between the client and the service. The connection's peer, unless it is
 * one of the operator's trusted proxies (CIDR blocks): then {@code X-Forwarded-For} is read from the right, where each
 * proxy appends the address that called it, past the trusted proxies, and the first address no trusted proxy stands
 * for is the client. What lies left of it was written by the client itself or by a hop nobody vouches for: a forged
 * header moves nothing, and a peer that is not a trusted proxy is never asked who it speaks for.
 */
public final class ClientAddress {

    /** Literal IPv4 or IPv6 addresses only: InetAddress parses them without a DNS lookup. */
    private static final Pattern LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|[0-9a-fA-F]*:[0-9a-fA-F:.]*");

    private final List<UrlGuard.Block> trusted;

    /** @param trustedProxies CIDR blocks of the proxies whose {@code X-Forwarded-For} is believed; blank entries are ignored */
    public ClientAddress(List<String> trustedProxies) {
        this.trusted = trustedProxies.stream().map(String::trim).filter(cidr -> !cidr.isEmpty()).map(UrlGuard.Block::parse).toList();
    }

    /**
     * The client's address.
     *
     * @param peer         the connection's remote address
     * @param forwardedFor every {@code X-Forwarded-For} header of the request, in order (each a comma-separated list)
     */
    public String of(String peer, List<String> forwardedFor) {
        if (!trusts(peer)) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        for (String header : forwardedFor) {
            for (String hop : header.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(unbracket(hop.trim()));
                }
            }
        }
        String client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            client = hops.get(i);
            if (!trusts(client)) {
                return client;
            }
        }
        // Trusted proxies all the way: the leftmost is the one farthest from us that anybody named.
        return client;
    }

    private boolean trusts(String address) {
        return parse(address).map(literal -> trusted.stream().anyMatch(block -> block.contains(literal))).orElse(false);
    }

    private static Optional<InetAddress> parse(String address) {
        if (address == null || !LITERAL.matcher(address).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(address));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** {@code [2001:db8::1]} and {@code [2001:db8::1]:4711} as written in headers; an IPv4 address with a port loses it. */
    private static String unbracket(String hop) {
        if (hop.startsWith("[") && hop.indexOf(']') > 0) {
            return hop.substring(1, hop.indexOf(']'));
        }
        int colon = hop.indexOf(':');
        return colon > 0 && hop.indexOf(':', colon + 1) < 0 ? hop.substring(0, colon) : hop;
    }
}
