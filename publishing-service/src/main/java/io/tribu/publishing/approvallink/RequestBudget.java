package io.tribu.publishing.approvallink;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many requests each client address may make to the public approval-link endpoints: {@code limit} per
 * fixed window. With 256 bits of MAC a guessed token never holds, but the budget also caps what one
 * address can make the service do (each open or decision writes history). Kept in the replica's memory: with
 * N replicas an address gets at most N times the budget, still bounded. Windows older than the current one
 * are dropped when the table grows past {@code maxAddresses}; if it is still full, new addresses wait for the next
 * window, so a scan from many addresses cannot fill the heap.
 */
final class RequestBudget {

    private record Window(long start, int used) {
    }

    private final int limit;
    private final Duration window;
    private final int maxAddresses;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    RequestBudget(int limit, Duration window, int maxAddresses, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.maxAddresses = maxAddresses;
        this.clock = clock;
    }

    /** Counts a request of {@code address}: empty when it is within the budget, else the seconds until the next window. */
    OptionalLong spend(String address) {
        Instant now = clock.instant();
        long start = now.toEpochMilli() / window.toMillis() * window.toMillis();
        if (windows.size() >= maxAddresses) {
            windows.values().removeIf(existing -> existing.start() < start);
            if (windows.size() >= maxAddresses && !windows.containsKey(address)) {
                // Full of this window's addresses: a newcomer waits for the next window rather than grow the table.
                return OptionalLong.of(wait(start, now));
            }
        }
        Window counted = windows.compute(address, (key, existing) ->
                existing == null || existing.start() != start ? new Window(start, 1)
                        : new Window(start, Math.min(existing.used(), limit) + 1));
        if (counted.used() <= limit) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(wait(start, now));
    }

    private long wait(long start, Instant now) {
        long waitMillis = start + window.toMillis() - now.toEpochMilli();
        return Math.max(1, (waitMillis + 999) / 1000);
    }
}
