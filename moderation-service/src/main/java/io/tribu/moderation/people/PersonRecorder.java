package io.tribu.moderation.people;

import io.smallrye.mutiny.Uni;
import io.tribu.moderation.config.ModerationConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records who calls, from the verified token, before the call runs: at most once per interval per person and
 * replica (a map of when each was last written), again at once when what the token says of them changed. A failure
 * to record is logged and never fails the call.
 */
@ApplicationScoped
public class PersonRecorder {

    private static final Logger LOG = Logger.getLogger(PersonRecorder.class);
    /** Beyond this many people, the map starts over: a few extra writes, never unbounded memory. */
    private static final int REMEMBERED = 10_000;

    private final People people;
    private final Duration interval;
    private final Clock clock;
    private final JsonWebToken token;
    private final Map<People.Seen, Instant> written = new ConcurrentHashMap<>();

    public PersonRecorder(People people, JsonWebToken token,
                          ModerationConfig config, Clock clock) {
        this.people = people;
        this.token = token;
        this.interval = config.people().recordInterval();
        this.clock = clock;
    }

    @ServerRequestFilter
    public Uni<Void> record() {
        People.Seen person = seen(token);
        if (person == null) {
            return Uni.createFrom().voidItem();
        }
        Instant now = clock.instant();
        Instant last = written.get(person);
        if (last != null && last.plus(interval).isAfter(now)) {
            return Uni.createFrom().voidItem();
        }
        if (written.size() >= REMEMBERED) {
            written.clear();
        }
        written.put(person, now);
        return people.record(person)
                .onFailure().invoke(failure -> {
                    written.remove(person);
                    LOG.warnf("Could not record %s of %s: %s", person.userName(), person.tenant(), failure.getMessage());
                })
                .onFailure().recoverWithNull();
    }

    private static People.Seen seen(JsonWebToken token) {
        if (token == null || token.getRawToken() == null) {
            return null;
        }
        String tenant = text(token.getClaim("tenant"));
        String userName = text(token.getClaim("preferred_username"));
        if (tenant == null || userName == null) {
            return null;
        }
        String subject = token.getSubject() == null ? userName : token.getSubject();
        return new People.Seen(tenant, subject, userName, text(token.getClaim("name")), text(token.getClaim("email")),
                token.getGroups() == null ? List.of() : token.getGroups().stream().sorted().toList());
    }

    private static String text(Object claim) {
        if (claim == null || claim instanceof Collection<?>) {
            return null;
        }
        // JSON strings in claims may arrive as jakarta.json values whose toString keeps the quotes.
        String value = claim.toString();
        value = value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1) : value;
        return value.isBlank() ? null : value;
    }
}
