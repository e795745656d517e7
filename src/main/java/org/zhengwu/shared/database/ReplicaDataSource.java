package org.zhengwu.shared.database;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.AbstractDataSource;

/**
 * Where a read-only connection comes from when a streaming replica is configured: the replica's pool for a
 * transaction started by a {@link ReplicaRead} method, the primary for every other one. A replica that does not
 * answer within its connect timeout, or hands out a connection that no longer works, is marked down: for {@code
 * retryAfter} every lag-tolerant read goes to the primary at once (no request waits for the timeout again), then the
 * next read tries the replica again. The change of state is logged once each way.
 *
 * <p>A replica that answers but has fallen more than {@code maxLag} behind is not used either: every {@link #POLL}
 * the primary's WAL position is noted, and while the replica has not replayed the position the primary had {@code
 * maxLag} ago, lag-tolerant reads go to the primary. Positions, not the replica's replay timestamp: an idle primary
 * writes nothing, and a replica cut off from its primary replays nothing, yet both would look "current" by time.
 *
 * <p>It also repeats cache evictions once the replica has replayed the change that caused them (see {@link
 * ReplicaReads}).
 */
final class ReplicaDataSource extends AbstractDataSource implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReplicaDataSource.class);
    private static final int VALID_SECONDS = 1;
    private static final Duration POLL = Duration.ofMillis(100);

    private final DataSource primary;
    private final HikariDataSource replica;
    private final String where;
    private final long retryAfterNanos;
    private final long replayWaitNanos;
    private volatile long maxLagNanos;
    /** The primary's WAL positions of the last {@code maxLag} and a little more, oldest first; poller thread only. */
    private final Deque<long[]> primaryPositions = new ArrayDeque<>();

    private volatile boolean lagging;
    private volatile long laggingSince;
    private final LongAdder servedByReplica = new LongAdder();
    private final LongAdder servedByPrimary = new LongAdder();
    private final Queue<Pending> pending = new ConcurrentLinkedQueue<>();
    private final ScheduledExecutorService poller;
    private volatile boolean down;
    private volatile long retryAt;
    private volatile String lastFailure;

    /** A cache eviction to repeat once the replica has replayed the primary's WAL up to {@code lsn}. */
    private record Pending(long lsn, Runnable eviction, long deadline) {}

    ReplicaDataSource(
            DataSource primary, HikariDataSource replica, Duration retryAfter, Duration replayWait, Duration maxLag) {
        this.primary = primary;
        this.replica = replica;
        this.where = ReplicaProperties.withoutCredentials(replica.getJdbcUrl());
        this.retryAfterNanos = retryAfter.toNanos();
        this.replayWaitNanos = replayWait.toNanos();
        this.maxLagNanos = maxLag.toNanos();
        this.poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "replica-replay");
            thread.setDaemon(true);
            return thread;
        });
        poller.scheduleWithFixedDelay(this::poll, 0, POLL.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (!ReplicaRouting.lagTolerated() || lagging || (down && System.nanoTime() - retryAt < 0)) {
            return fromPrimary();
        }
        Connection connection;
        try {
            connection = replica.getConnection();
        } catch (SQLException e) {
            markDown(e.getMessage());
            return fromPrimary();
        }
        // The pool checks a connection idle for half a second; one used just before the replica stopped is not.
        if (!connection.isValid(VALID_SECONDS)) {
            replica.evictConnection(connection);
            markDown("a pooled connection no longer answers");
            return fromPrimary();
        }
        markUp();
        servedByReplica.increment();
        return connection;
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLException("The read pool uses its configured credentials");
    }

    private Connection fromPrimary() throws SQLException {
        Connection connection = primary.getConnection();
        connection.setReadOnly(true);
        if (ReplicaRouting.lagTolerated()) {
            servedByPrimary.increment();
        }
        return connection;
    }

    private void markDown(String reason) {
        lastFailure = reason;
        retryAt = System.nanoTime() + retryAfterNanos;
        if (!down) {
            down = true;
            log.warn(
                    "The read replica {} does not answer ({}): lag-tolerant reads go to the primary; trying it again"
                            + " every {} s",
                    where,
                    reason,
                    Duration.ofNanos(retryAfterNanos).toSeconds());
        }
    }

    private void markUp() {
        if (down) {
            down = false;
            log.info("The read replica {} answers again: lag-tolerant reads go to it", where);
        }
    }

    /**
     * Repeats {@code eviction} once the replica has replayed what the primary has written by now (at the latest after
     * the replay wait, or at once when the replica is down and reads go to the primary anyway).
     */
    void afterReplay(Runnable eviction) {
        long lsn;
        try (Connection connection = primary.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT pg_current_wal_lsn()::text")) {
            rs.next();
            lsn = parseLsn(rs.getString(1));
        } catch (SQLException e) {
            log.debug("No WAL position from the primary; the eviction is repeated after the replay wait", e);
            lsn = Long.MAX_VALUE;
        }
        pending.add(new Pending(lsn, eviction, System.nanoTime() + replayWaitNanos));
    }

    private void poll() {
        long now = System.nanoTime();
        long replayed;
        try {
            replayed = replayedLsn();
        } catch (SQLException | RuntimeException e) {
            // Down: lag-tolerant reads are served by the primary, so nothing stale can be cached now; whether it is
            // down is decided where reads ask for a connection.
            replayed = Long.MAX_VALUE;
        }
        if (replayed != Long.MAX_VALUE) {
            judgeLag(now, replayed);
        }
        repeatReplayedEvictions(now, replayed);
    }

    /**
     * Notes the primary's position now and decides whether the replica has replayed what the primary had written
     * {@code maxLag} ago.
     */
    private void judgeLag(long now, long replayed) {
        try {
            primaryPositions.addLast(new long[] {now, primaryLsn()});
        } catch (SQLException | RuntimeException e) {
            // The primary does not answer: nothing to measure against, and every request fails on it anyway.
            return;
        }
        long bound = maxLagNanos;
        // The newest position at least maxLag old is the one the replica must have replayed; older ones are not needed.
        long[] due = null;
        while (!primaryPositions.isEmpty() && now - primaryPositions.peekFirst()[0] >= bound) {
            due = primaryPositions.pollFirst();
        }
        if (due != null) {
            primaryPositions.addFirst(due);
        }
        boolean behind = due != null && Long.compareUnsigned(replayed, due[1]) < 0;
        if (behind && !lagging) {
            laggingSince = now;
            lagging = true;
            log.warn(
                    "The read replica {} is more than {} ms behind the primary: lag-tolerant reads go to the primary"
                            + " until it catches up",
                    where,
                    Duration.ofNanos(bound).toMillis());
        } else if (!behind && lagging) {
            lagging = false;
            log.info(
                    "The read replica {} has caught up (it was behind for {} ms): lag-tolerant reads go to it",
                    where,
                    Duration.ofNanos(now - laggingSince).toMillis());
        }
    }

    private void repeatReplayedEvictions(long now, long replayed) {
        if (pending.isEmpty()) {
            return;
        }
        for (Iterator<Pending> it = pending.iterator(); it.hasNext(); ) {
            Pending p = it.next();
            if (Long.compareUnsigned(p.lsn(), replayed) <= 0 || now - p.deadline() >= 0) {
                it.remove();
                try {
                    p.eviction().run();
                } catch (RuntimeException e) {
                    log.warn("A repeated cache eviction failed", e);
                }
            }
        }
    }

    /** How far the replica has replayed the primary's WAL. */
    long replayedLsn() throws SQLException {
        try (Connection connection = replica.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT pg_last_wal_replay_lsn()::text")) {
            rs.next();
            String lsn = rs.getString(1);
            if (lsn == null) {
                throw new SQLException("The read replica is not in recovery (promoted, or not a standby)");
            }
            return parseLsn(lsn);
        }
    }

    /** The primary's WAL position now. */
    long primaryLsn() throws SQLException {
        try (Connection connection = primary.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT pg_current_wal_lsn()::text")) {
            rs.next();
            return parseLsn(rs.getString(1));
        }
    }

    /** A WAL position as PostgreSQL writes it ({@code 16/B374D848}) as one unsigned 64-bit number. */
    static long parseLsn(String lsn) {
        int slash = lsn.indexOf('/');
        return (Long.parseLong(lsn.substring(0, slash), 16) << 32) | Long.parseLong(lsn.substring(slash + 1), 16);
    }

    HikariDataSource replica() {
        return replica;
    }

    String where() {
        return where;
    }

    /** Whether the replica is further behind than the bound, so that its reads go to the primary. */
    boolean lagging() {
        return lagging;
    }

    Duration maxLag() {
        return Duration.ofNanos(maxLagNanos);
    }

    /** For the tests only: another bound, judged from the next poll on. */
    void maxLag(Duration bound) {
        this.maxLagNanos = bound.toNanos();
    }

    boolean down() {
        return down && System.nanoTime() - retryAt < 0;
    }

    String lastFailure() {
        return lastFailure;
    }

    long servedByReplica() {
        return servedByReplica.sum();
    }

    long servedByPrimary() {
        return servedByPrimary.sum();
    }

    @Override
    public void close() {
        poller.shutdownNow();
        replica.close();
    }
}
