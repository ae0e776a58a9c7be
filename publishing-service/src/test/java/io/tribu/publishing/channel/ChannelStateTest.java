package io.tribu.publishing.channel;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The state rule, one line per case: times are hours from now (empty: none). */
class ChannelStateTest {

    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    private static final Duration WEEK = Duration.ofDays(7);

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // case,                                        creds, refreshable, expires, credsAt, failure, auth, success, state
            "'no expiry, nothing happened',                   true,  false,       ,        -100,    ,        ,     ,        connected",
            "'expires in 8 days',                             true,  false,       192,     -100,    ,        ,     ,        connected",
            "'expires in 6 days',                             true,  false,       144,     -100,    ,        ,     ,        expiring",
            "'expired an hour ago',                           true,  false,       -1,      -100,    ,        ,     ,        disconnected",
            "'expiring but refreshable (X, LinkedIn)',        true,  true,        1,       -100,    ,        ,     ,        connected",
            "'expired but refreshable',                       true,  true,        -1,      -100,    ,        ,     ,        connected",
            "'no credentials',                                false, false,       ,        -100,    ,        ,     ,        disconnected",
            "'last failure refused the token',                true,  false,       ,        -100,    -2,      true, -5,      failing",
            "'auth failure, never a success',                 true,  false,       ,        -100,    -2,      true, ,        failing",
            "'auth failure, then a success',                  true,  false,       ,        -100,    -2,      true, -1,      connected",
            "'auth failure, then new credentials',            true,  false,       ,        -1,      -2,      true, ,        connected",
            "'last failure was not about the token',          true,  false,       ,        -100,    -2,      false, ,       connected",
            "'failing beats expiring',                        true,  false,       24,      -100,    -2,      true, ,        failing",
            "'expired beats failing',                         true,  false,       -1,      -100,    -2,      true, ,        disconnected",
    })
    void state(String name, boolean credentials, boolean refreshable, Long expiresIn, Long credentialsIn, Long failedIn,
               Boolean auth, Long succeededIn, String expected) {
        ChannelHealth.LastFailure failure = failedIn == null ? null
                : new ChannelHealth.LastFailure(at(failedIn), "HTTP 401", UUID.randomUUID(), null, auth);
        ChannelState state = ChannelState.of(NOW, WEEK, credentials, refreshable, at(expiresIn), at(credentialsIn),
                new ChannelHealth.Outcomes(failure, at(succeededIn)));
        assertEquals(expected, state.wire());
    }

    /** YouTube: the comment poll's refused token, as the channel's own failure; hours from now as above. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // case,                                        credsAt, pollErrorAt, auth,  state
            "'token refused to the poll',                     -100,    -1,          true,  failing",
            "'then new credentials',                          -0.5,    -1,          true,  connected",
            "'the poll stopped for another reason',           -100,    -1,          false, connected",
            "'polling, no error',                             -100,    ,            false, connected",
    })
    void stateWithCommentPolling(String name, double credentialsIn, Double pollErrorIn, boolean auth, String expected) {
        Instant errorAt = pollErrorIn == null ? null : NOW.plusSeconds((long) (pollErrorIn * 3600));
        ChannelHealth.Polling polling = new ChannelHealth.Polling(NOW.plusSeconds(600), errorAt == null ? null : "token refused",
                errorAt, errorAt, auth, null, 3);
        ChannelState state = ChannelState.of(NOW, WEEK, true, true, null, NOW.plusSeconds((long) (credentialsIn * 3600)),
                new ChannelHealth.Outcomes(null, null, polling));
        assertEquals(expected, state.wire());
    }

    private static Instant at(Long hours) {
        return hours == null ? null : NOW.plus(Duration.ofHours(hours));
    }
}
