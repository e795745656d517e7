package org.zhengwu.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * Makes races repeatable: a test holds a lock (or an uncommitted row) in its own transaction, starts the request
 * under test, and waits here until PostgreSQL reports that request's statement blocked on that lock — then lets go.
 * Polls on a connection of its own, so that it works while the calling thread has a transaction open.
 */
public final class LockWaits {

    private LockWaits() {}

    /**
     * Waits until another session's statement containing {@code queryFragment} waits for a lock, or until
     * {@code work} finishes without having blocked. Returns true when the statement was seen blocked.
     */
    public static boolean awaitBlocked(DataSource dataSource, String queryFragment, Future<?> work) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("""
                     SELECT count(*) FROM pg_stat_activity
                     WHERE wait_event_type = 'Lock' AND pid <> pg_backend_pid() AND strpos(query, ?) > 0""")) {
            statement.setString(1, queryFragment);
            while (Instant.now().isBefore(deadline)) {
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        return true;
                    }
                }
                if (work.isDone()) {
                    return false;
                }
                Thread.sleep(20);
            }
            throw new IllegalStateException("no statement with '" + queryFragment + "' blocked within 20 s");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Runs {@code request} while someone else's uncommitted insert holds the row it will insert, and lets that
     * insert commit once the request waits on it: the check-then-insert race, made repeatable. Fails when the
     * request never waited on {@code table}, since then the race was not exercised.
     */
    public static <T> T racingAnInsert(
            DataSource dataSource, String table, String insertSql, Object[] values, Callable<T> request)
            throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try (HeldTransaction other = new HeldTransaction(dataSource)) {
            other.execute(insertSql, values);
            Future<T> response = executor.submit(request);
            if (!awaitBlocked(dataSource, table, response)) {
                throw new AssertionError("the request finished without waiting on the insert into " + table);
            }
            other.commit();
            return response.get(30, TimeUnit.SECONDS);
        } finally {
            executor.shutdownNow();
        }
    }

    /** A transaction of the test's own on a connection of its own, rolled back unless committed. */
    public static final class HeldTransaction implements AutoCloseable {
        private final Connection connection;

        public HeldTransaction(DataSource dataSource) {
            try {
                this.connection = dataSource.getConnection();
                connection.setAutoCommit(false);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Runs one statement with positional parameters. */
        public HeldTransaction execute(String sql, Object... parameters) {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    statement.setObject(i + 1, parameters[i]);
                }
                statement.execute();
                return this;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        public void commit() {
            try {
                connection.commit();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() {
            try {
                if (!connection.getAutoCommit()) {
                    connection.rollback();
                    connection.setAutoCommit(true);
                }
                connection.close();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
