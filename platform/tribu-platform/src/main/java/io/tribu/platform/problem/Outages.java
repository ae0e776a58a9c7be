package io.tribu.platform.problem;

import java.net.ConnectException;
import java.util.Set;

/**
 * Whether a failure means "cannot reach the database or the broker now" (wait and retry: nothing is wrong with
 * the data) rather than "this data cannot be stored" (a poison, which retrying never fixes): refused
 * connections and timeouts, and PostgreSQL's own transient errors.
 */
public final class Outages {

    private static final Set<String> UNREACHABLE = Set.of("io.vertx.sqlclient.ClosedConnectionException",
            "io.netty.channel.ConnectTimeoutException", "java.nio.channels.ClosedChannelException",
            "org.apache.kafka.common.errors.TimeoutException",
            "java.util.concurrent.TimeoutException");

    /**
     * SQLSTATE classes that say nothing about the row: connection exception (08), transaction rollback such as a
     * serialization failure or deadlock (40), insufficient resources (53), operator intervention such as a
     * shutdown (57), system error (58).
     */
    private static final Set<String> TRANSIENT_SQL_CLASSES = Set.of("08", "40", "53", "57", "58");
    private static final String DEADLOCK = "40P01";
    private static final String SERIALIZATION_FAILURE = "40001";

    private Outages() {
    }

    public static boolean isOutage(Throwable failure) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth++ < 20; cause = cause.getCause()) {
            if (cause instanceof ConnectException || UNREACHABLE.contains(cause.getClass().getName())) {
                return true;
            }
            String state = sqlState(cause);
            if (state != null && state.length() == 5 && TRANSIENT_SQL_CLASSES.contains(state.substring(0, 2))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether PostgreSQL broke the transaction to resolve a conflict with another one, a deadlock (40P01) or a
     * serialization failure (40001): taking the transaction again may succeed ({@link WriteRetry}).
     */
    public static boolean isConflict(Throwable failure) {
        return conflictState(failure) != null;
    }

    /** The SQLSTATE of the conflict ({@link #isConflict}) in the failure's causes, or null. */
    static String conflictState(Throwable failure) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth++ < 20; cause = cause.getCause()) {
            String state = sqlState(cause);
            if (DEADLOCK.equals(state) || SERIALIZATION_FAILURE.equals(state)) {
                return state;
            }
        }
        return null;
    }

    /** Whether a statement failed on a unique index (SQLSTATE 23505). */
    public static boolean isUniqueViolation(Throwable failure) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth++ < 20; cause = cause.getCause()) {
            if ("23505".equals(sqlState(cause))) {
                return true;
            }
        }
        return false;
    }

    /** PostgreSQL's SQLSTATE as the client, Hibernate or JDBC reports it; null for other failures. */
    private static String sqlState(Throwable failure) {
        if (failure instanceof io.vertx.pgclient.PgException pg) {
            return pg.getSqlState();
        }
        if (failure.getClass().getName().startsWith("org.hibernate.")) {
            // Hibernate's JDBCException, read without making the platform depend on Hibernate
            try {
                Object state = failure.getClass().getMethod("getSQLState").invoke(failure);
                return state instanceof String text ? text : null;
            } catch (ReflectiveOperationException e) {
                return null;
            }
        }
        if (failure instanceof java.sql.SQLException sql) {
            return sql.getSQLState();
        }
        return null;
    }
}
