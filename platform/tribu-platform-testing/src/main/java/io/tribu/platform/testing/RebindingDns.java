package io.tribu.platform.testing;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A DNS double that plays rebinding, the only stand-in the URL guard's tests use: each host answers its
 * addresses in turn, one per lookup (the last one from then on), and lookups are counted. Give
 * {@code dns::lookup} to the platform's {@code UrlGuard} as its resolver. A name it was not told about does not
 * resolve.
 */
public final class RebindingDns {

    private final Map<String, List<InetAddress>> answers = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> lookups = new ConcurrentHashMap<>();

    /** The host answers these literal addresses, the first at the first lookup, the next at the next. */
    public RebindingDns answer(String host, String... addresses) {
        try {
            InetAddress[] parsed = new InetAddress[addresses.length];
            for (int i = 0; i < addresses.length; i++) {
                parsed[i] = InetAddress.getByName(addresses[i]); // literals: no lookup
            }
            answers.put(host, List.of(parsed));
            lookups.put(host, new AtomicInteger());
            return this;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not a literal address", e);
        }
    }

    public List<InetAddress> lookup(String host) throws UnknownHostException {
        List<InetAddress> answer = answers.get(host);
        if (answer == null) {
            throw new UnknownHostException(host);
        }
        int n = lookups.get(host).getAndIncrement();
        return List.of(answer.get(Math.min(n, answer.size() - 1)));
    }

    /** How many times the host was looked up. */
    public int lookups(String host) {
        AtomicInteger count = lookups.get(host);
        return count == null ? 0 : count.get();
    }
}
