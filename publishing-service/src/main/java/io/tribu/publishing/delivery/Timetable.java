package io.tribu.publishing.delivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The leased deliveries of one worker waiting for their instant, earliest first. Not thread-safe: the
 * worker guards it.
 */
final class Timetable {

    private static final Comparator<Leased> BY_FIRE_AT = Comparator.comparing(Leased::fireAt).thenComparing(Leased::id);

    private final TreeSet<Leased> waiting = new TreeSet<>(BY_FIRE_AT);
    private final Map<UUID, Leased> byId = new HashMap<>();

    void add(Leased leased) {
        Leased previous = byId.put(leased.id(), leased);
        if (previous != null) {
            waiting.remove(previous);
        }
        waiting.add(leased);
    }

    /** Removes and returns up to {@code max} deliveries whose instant has come, earliest first; never one due later. */
    List<Leased> takeDue(Instant now, int max) {
        List<Leased> due = new ArrayList<>();
        while (due.size() < max && !waiting.isEmpty() && !waiting.first().fireAt().isAfter(now)) {
            Leased first = waiting.pollFirst();
            byId.remove(first.id());
            due.add(first);
        }
        return due;
    }

    Optional<Instant> next() {
        return waiting.isEmpty() ? Optional.empty() : Optional.of(waiting.first().fireAt());
    }

    /** Forgets deliveries whose lease another worker now holds. */
    void forget(Set<UUID> lost) {
        lost.forEach(id -> {
            Leased leased = byId.remove(id);
            if (leased != null) {
                waiting.remove(leased);
            }
        });
    }

    int size() {
        return waiting.size();
    }
}
