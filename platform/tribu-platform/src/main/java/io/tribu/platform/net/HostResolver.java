package io.tribu.platform.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * The DNS lookup behind {@link UrlGuard}: the system's in production. Tests give a double that answers one
 * address, then another, to play DNS rebinding against the clients.
 */
@FunctionalInterface
public interface HostResolver {

    HostResolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));

    /** Every address of the host name, in the resolver's order. */
    List<InetAddress> lookup(String host) throws UnknownHostException;
}
