package io.tribu.publishing.time;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.tribu.platform.testing.ProxiedDatabase;

import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The service's one clock, moved by the test instead of waited for: starts at the wall clock and only moves
 * when {@link #advance} or {@link #set} is called. Selected by {@link Profile} only, so the other tests keep the
 * platform's clock.
 */
@Alternative
@Singleton
public class MovableClock extends Clock {

    private final AtomicReference<Instant> now = new AtomicReference<>(Clock.systemUTC().instant());

    public void advance(Duration by) {
        now.updateAndGet(at -> at.plus(by));
    }

    public void set(Instant at) {
        now.set(at);
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the service's clock is UTC");
    }

    /**
     * A test service besides the default (each is a build and a start, about 12 s on the loaded CI machine), for the
     * tests that need a setting the others must not have: this clock, a small approval-link budget to exhaust,
     * channels allowed on no private address but {@link #FAKES_HOST}, and the database reached through a proxy a test
     * cuts (DatabaseReadinessTest, which restores it). ChannelUrlGuardTest keeps a service of its own: run here after
     * ApprovalLinkTimeTest moved this clock, it waited over a minute for its post behind the other classes' posts that
     * the move made due (clean-clone CI, 2026-12-07).
     */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(MovableClock.class);
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(ProxiedDatabase.class, Map.of("database", "publishing_test")));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            // 127.0.0.2 stands for the console in front of publishing (ApprovalLinkTimeTest connects from there).
            return Map.of("tribu.approval-links.requests-per-minute", "20",
                    "tribu.approval-links.trusted-proxies", "127.0.0.2/32",
                    "tribu.channels.allowed-private-networks", FAKES_HOST + "/32");
        }
    }

    /** The one loopback address this profile's service may call for a channel: where its tests' own fakes listen. */
    public static final String FAKES_HOST = "127.0.0.3";
}
