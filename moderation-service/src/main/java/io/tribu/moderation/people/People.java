package io.tribu.moderation.people;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.tribu.platform.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/** The agency's people seen by moderation (agency_person): recorded from tokens, listed for assignments. */
@ApplicationScoped
public class People {

    private final Clock clock;

    public People(Clock clock) {
        this.clock = clock;
    }

    /** What a token says of its bearer. */
    public record Seen(String tenant, String subject, String userName, String displayName, String email, List<String> roles) {
    }

    /** Inserts or refreshes the person; last_seen_at only moves forward. */
    Uni<Void> record(Seen seen) {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into agency_person (tenant, subject, user_name, display_name, email, roles, first_seen_at,
                                                   last_seen_at)
                        values (:tenant, :subject, :userName, :displayName, :email, cast(:roles as text[]), :now, :now)
                        on conflict (tenant, subject) do update set user_name = excluded.user_name,
                            display_name = excluded.display_name, email = excluded.email, roles = excluded.roles,
                            last_seen_at = greatest(agency_person.last_seen_at, excluded.last_seen_at)""")
                .setParameter("tenant", seen.tenant())
                .setParameter("subject", seen.subject())
                .setParameter("userName", seen.userName())
                .setParameter("displayName", seen.displayName())
                .setParameter("email", seen.email())
                .setParameter("roles", seen.roles().toArray(String[]::new))
                .setParameter("now", now)
                .executeUpdate()))
                .replaceWithVoid();
    }

    /** The agency's people, by user name. */
    @WithSession
    public Uni<List<PersonView>> of(String tenant) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select user_name, display_name, email, array_to_string(roles, ' '), last_seen_at from agency_person
                        where tenant = :tenant order by user_name, last_seen_at desc""", Object[].class)
                .setParameter("tenant", tenant)
                .getResultList())
                .map(rows -> rows.stream().map(r -> new PersonView((String) r[0], (String) r[1], (String) r[2],
                        roles((String) r[3]), instant(r[4]))).toList());
    }

    /** Refuses (400 naming the field) a user name nobody of the agency goes by; in the caller's session. */
    public Uni<Void> requireKnown(String tenant, String userName, String field) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select count(*) from agency_person where tenant = :tenant and user_name = :userName", Long.class)
                .setParameter("tenant", tenant)
                .setParameter("userName", userName)
                .getSingleResult())
                .chain(count -> count > 0 ? Uni.createFrom().voidItem() : Uni.createFrom().failure(Problems.invalidBody(field,
                        "is nobody of this agency: " + userName + " has never signed in to Tribu (see GET /agency/people)")));
    }

    /** Roles are single words: read as one space-separated text (Hibernate Reactive reads no text[] column). */
    private static List<String> roles(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(" "));
    }

    private static Instant instant(Object value) {
        return value instanceof OffsetDateTime odt ? odt.toInstant() : (Instant) value;
    }
}
