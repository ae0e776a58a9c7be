package io.tribu.listening;

import io.tribu.platform.testing.TracingProfile;

import java.util.HashMap;
import java.util.Map;

/**
 * The module's one test service besides the default: tracing on, as {@link TracingProfile} has it, and a polled-only
 * Mastodon source's reconciliation asked for every 2 s ({@code while-polling}, an hour by default). Each profile is a
 * build and a start of the service of its own (about 20 s of the module's tests on the loaded CI machine), so the
 * tests that need either change share one: tracing records the other tests' spans too (a trace test reads its own
 * trace's only), and no trace test has a Mastodon source.
 */
public class TracedShortPeriodProfile extends TracingProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(super.getConfigOverrides());
        config.put("tribu.sources.mastodon.reconcile.while-polling", "2s");
        return config;
    }
}
