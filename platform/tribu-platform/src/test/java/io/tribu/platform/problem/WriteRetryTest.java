package io.tribu.platform.problem;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The write retry against a deadlock PostgreSQL really detects, between two transactions locking two rows. */
@QuarkusTest
class WriteRetryTest {

    @Inject
    WriteRetry retry;
    @Inject
    MeterRegistry metrics;
    @Inject
    DataSource database;

    @Test
    void aTransactionBrokenByADeadlockIsTakenAgainAndCommits() throws Exception {
        double before = conflicts("40P01");
        long[] writesBefore = {writes(1), writes(2)};
        AtomicInteger attempts = new AtomicInteger();
        CompletableFuture<Void> holdsRowTwo = new CompletableFuture<>();
        try (Connection other = database.getConnection()) {
            other.setAutoCommit(false);
            update(other, 1);
            // Row 2, then row 1 (which the other transaction holds): the retried side waits first.
            CompletableFuture<Integer> written = run(() -> retry.write(() -> Panache.withTransaction(() -> Panache.getSession()
                    .chain(session -> session.createNativeQuery("update contended set writes = writes + 1 where id = 2")
                            .executeUpdate()
                            .invoke(() -> {
                                if (attempts.incrementAndGet() == 1) {
                                    holdsRowTwo.complete(null);
                                }
                            })
                            .chain(() -> session.createNativeQuery("update contended set writes = writes + 1 where id = 1")
                                    .executeUpdate())))));
            holdsRowTwo.get(60, TimeUnit.SECONDS);
            // Only once it waits for row 1 does the other ask for row 2: PostgreSQL's deadlock check (deadlock_timeout
            // after a wait began) finds the cycle on the side that waited first and breaks that transaction.
            await().atMost(30, TimeUnit.SECONDS).until(() -> waitingOnALock() == 1);
            update(other, 2);
            other.commit();

            assertEquals(1, written.get(60, TimeUnit.SECONDS), "the second attempt updated row 1");
        }
        assertEquals(2, attempts.get(), "broken once, taken again once");
        assertEquals(writesBefore[0] + 2, writes(1), "both transactions' writes are stored");
        assertEquals(writesBefore[1] + 2, writes(2));
        assertEquals(before + 1, conflicts("40P01"));
    }

    @Test
    void aFailureThatIsNoConflictIsNotTakenAgain() {
        double before = allConflicts();
        AtomicInteger attempts = new AtomicInteger();
        ExecutionException failure = assertThrows(ExecutionException.class, () -> run(() -> retry.write(
                () -> Panache.withTransaction(() -> Panache.getSession().chain(session -> {
                    attempts.incrementAndGet();
                    return session.createNativeQuery("insert into contended (id, writes) values (1, 0)").executeUpdate();
                })))).get(60, TimeUnit.SECONDS));
        assertTrue(Outages.isUniqueViolation(failure), failure.toString());
        assertEquals(1, attempts.get());
        assertEquals(before, allConflicts(), "not counted as a conflict");
    }

    @Test
    void serializationFailuresAreTakenAgainAtMostRetriesTimesThenFail() {
        double before = conflicts("40001");
        AtomicInteger attempts = new AtomicInteger();
        ExecutionException failure = assertThrows(ExecutionException.class, () -> run(() -> retry.write(() -> {
            attempts.incrementAndGet();
            return Uni.createFrom().failure(new PgException("could not serialize access", "ERROR", "40001", null));
        })).get(60, TimeUnit.SECONDS));
        assertTrue(Outages.isOutage(failure), "the last one answers 503: " + failure);
        assertEquals(4, attempts.get(), "the first attempt and tribu.write-retry.retries=3 more");
        assertEquals(before + 4, conflicts("40001"));
    }

    /** Subscribes on a Vert.x context (as a request would), off the test's thread. */
    private static <T> CompletableFuture<T> run(Supplier<Uni<T>> work) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return VertxContextSupport.subscribeAndAwait(work);
            } catch (RuntimeException e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private double conflicts(String sqlState) {
        Counter counter = metrics.find("tribu_write_conflicts").tag("sqlstate", sqlState).counter();
        return counter == null ? 0 : counter.count();
    }

    private double allConflicts() {
        return metrics.find("tribu_write_conflicts").counters().stream().mapToDouble(Counter::count).sum();
    }

    private static void update(Connection connection, int row) throws Exception {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("update contended set writes = writes + 1 where id = " + row);
        }
    }

    private long writes(int row) throws Exception {
        return single("select writes from contended where id = " + row);
    }

    private long waitingOnALock() throws Exception {
        return single("select count(*) from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'");
    }

    private long single(String sql) throws Exception {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
