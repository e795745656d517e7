package org.zhengwu.exchange.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A connected system's hourly allowance of query-API calls, counted in the database so that every node sees one
 * count. A call takes one unit of the current clock hour's row in a transaction of its own, committed without waiting
 * for the disk: a count lost in a crash lets a system a few calls more, which an allowance may; what must not happen —
 * every concurrent call of a busy system queueing on one counter for the length of a durable commit, or a sliding
 * window scanned back over thousands of events per call — does not. The transaction is the single statement's own
 * (the pool's connections commit each statement), which turns off waiting for the disk for itself alone: one round
 * trip, where a transaction of its own with a SET LOCAL and a COMMIT took four.
 */
@Component
class QueryAllowance {

    private static final Duration HOUR = Duration.ofHours(1);

    private final JdbcClient jdbc;
    private final Clock clock;

    QueryAllowance(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Takes one call of the system's hour; empty when allowed, else when the next hour begins. Outside any
     * transaction only: the statement's setting would otherwise hold for the caller's whole transaction.
     */
    public Optional<Instant> take(String clientId, int perHour) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("the query allowance is taken outside any transaction");
        }
        Instant hour = clock.instant().truncatedTo(ChronoUnit.HOURS);
        Optional<Integer> used = jdbc.sql("""
                        INSERT INTO exchange_query_allowance (client_id, hour_start, used)
                        SELECT :client, :hour, 1 FROM (SELECT set_config('synchronous_commit', 'off', TRUE)) AS unsynced
                        ON CONFLICT (client_id, hour_start) DO UPDATE SET used = exchange_query_allowance.used + 1
                        WHERE exchange_query_allowance.used < :max
                        RETURNING used""")
                .param("client", clientId)
                .param("hour", java.sql.Timestamp.from(hour))
                .param("max", perHour)
                .query(Integer.class)
                .optional();
        if (used.isEmpty() || used.get() > perHour) {
            return Optional.of(hour.plus(HOUR));
        }
        if (used.get() == 1) {
            // The hour's first call clears the rows of hours before yesterday's: at most a day of rows per system.
            jdbc.sql("DELETE FROM exchange_query_allowance WHERE client_id = :client AND hour_start < :before")
                    .param("client", clientId)
                    .param("before", java.sql.Timestamp.from(hour.minus(Duration.ofDays(1))))
                    .update();
        }
        return Optional.empty();
    }
}
