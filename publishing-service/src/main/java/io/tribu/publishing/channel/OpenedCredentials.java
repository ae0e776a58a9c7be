package io.tribu.publishing.channel;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The credentials most recently opened, per channel and sealed text, so that a burst of deliveries on a
 * few channels does not pay an AES-GCM opening and a JSON read per call (a sixth of a replica's CPU in a
 * 10,000-post burst). The sealed text is part of the key: new tokens (a refresh, a re-seal with another
 * key) make a new entry and the old one ages out; the channel id too, since it is the associated data the
 * text was sealed with. Bounded, least recently used out first. Thread-safe.
 */
final class OpenedCredentials {

    private record Key(UUID channelId, String sealed) {
    }

    private final Map<Key, ChannelCredentials> recent;

    OpenedCredentials(int capacity) {
        this.recent = new LinkedHashMap<>(capacity * 4 / 3 + 1, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, ChannelCredentials> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The cached credentials, else those {@code open} gives (not cached when it throws). */
    ChannelCredentials get(UUID channelId, String sealed, Supplier<ChannelCredentials> open) {
        Key key = new Key(channelId, sealed);
        synchronized (recent) {
            ChannelCredentials known = recent.get(key);
            if (known != null) {
                return known;
            }
        }
        ChannelCredentials opened = open.get();
        synchronized (recent) {
            recent.put(key, opened);
        }
        return opened;
    }
}
