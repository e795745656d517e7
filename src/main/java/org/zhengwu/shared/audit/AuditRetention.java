package org.zhengwu.shared.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.zhengwu.shared.database.TimePartitions;

/**
 * Removes accountability-log entries after their retention period, oldest first. The period is at least 180 days
 * (等保 2.0 level 3) whatever is configured, and the database refuses to delete younger entries anyway.
 */
@Component
class AuditRetention {

    static final Duration MINIMUM = Duration.ofDays(180);
    private static final String TABLE = "shared_audit_entry";
    private static final Logger log = LoggerFactory.getLogger(AuditRetention.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration retention;
    private final TimePartitions partitions;

    AuditRetention(JdbcClient jdbc, Clock clock, AuditProperties properties, TimePartitions partitions) {
        this.jdbc = jdbc;
        this.partitions = partitions;
        this.clock = clock;
        this.retention = properties.retention().compareTo(MINIMUM) < 0 ? MINIMUM : properties.retention();
    }

    Duration retention() {
        return retention;
    }

    /** Daily at 03:17, on one node (shared.database.JobLocks). */
    @Scheduled(cron = "0 17 3 * * *", zone = "Asia/Shanghai")
    @SchedulerLock(name = "shared.audit.retention", lockAtMostFor = "PT6H")
    @Transactional
    void scheduled() {
        removeExpired();
    }

    /**
     * Removes the expired prefix of each chain — its entries up to the first one still within the retention period,
     * which is kept with everything after it — and moves the chain's retention mark to the last entry removed, where
     * verification then starts. Months of the log that lie wholly before the cutoff and hold nothing but such entries
     * are dropped whole (shared.database.TimePartitions); what remains is deleted by row.
     */
    @Transactional
    public int removeExpired() {
        Instant cutoff = clock.instant().minus(retention);
        // Locks every chain's mark: retention runs on several nodes are serialised, and each mark only moves forward.
        Map<Integer, Long> marks = new TreeMap<>();
        jdbc.sql("SELECT id, removed_through_seq FROM shared_audit_retention ORDER BY id FOR UPDATE")
                .query((rs, row) -> marks.put(rs.getInt("id"), rs.getLong("removed_through_seq")))
                .list();
        Map<Integer, Expired> expired = new TreeMap<>();
        for (int chain : marks.keySet()) {
            jdbc.sql("""
                            SELECT chain_seq, hash FROM shared_audit_entry e
                            WHERE chain = :chain AND occurred_at < :cutoff AND chain_seq > :mark AND chain_seq = COALESCE(
                                (SELECT MIN(chain_seq) - 1 FROM shared_audit_entry
                                 WHERE chain = :chain AND occurred_at >= :cutoff),
                                (SELECT MAX(chain_seq) FROM shared_audit_entry WHERE chain = :chain))""")
                    .param("chain", chain)
                    .param("cutoff", Timestamp.from(cutoff))
                    .param("mark", marks.get(chain))
                    .query((rs, row) -> new Expired(
                            rs.getLong("chain_seq"), rs.getString("hash").strip()))
                    .optional()
                    .ifPresent(last -> expired.put(chain, last));
        }
        if (expired.isEmpty()) {
            return 0;
        }
        long removed = 0;
        for (TimePartitions.Month month : partitions.wholeMonthsBefore(TABLE, cutoff)) {
            if (onlyExpired(month, marks, expired)) {
                removed += partitions.drop(TABLE, month);
            }
        }
        for (Map.Entry<Integer, Expired> chain : expired.entrySet()) {
            removed += jdbc.sql("DELETE FROM shared_audit_entry WHERE chain = :chain AND chain_seq <= :through")
                    .param("chain", chain.getKey())
                    .param("through", chain.getValue().chainSeq())
                    .update();
            jdbc.sql("""
                            UPDATE shared_audit_retention SET removed_through_seq = :seq, removed_through_hash = :hash,
                                   removed_at = :now
                            WHERE id = :chain""")
                    .param("seq", chain.getValue().chainSeq())
                    .param("hash", chain.getValue().hash())
                    .param("now", Timestamp.from(clock.instant()))
                    .param("chain", chain.getKey())
                    .update();
        }
        if (removed > 0) {
            log.info("Removed {} accountability-log entries older than {}", removed, cutoff);
        }
        return Math.toIntExact(removed);
    }

    /**
     * Whether every entry of the month belongs to its chain's expired prefix. Entries take their time from the request
     * and their position from the chain's head, so near a month's end an entry may sit in the month after one that
     * follows it on the chain; such a month is left to be deleted by row.
     */
    private boolean onlyExpired(TimePartitions.Month month, Map<Integer, Long> marks, Map<Integer, Expired> expired) {
        for (Map.Entry<Integer, Long> chain : marks.entrySet()) {
            Expired last = expired.get(chain.getKey());
            long through = last == null ? chain.getValue() : last.chainSeq();
            boolean beyond = jdbc.sql("""
                            SELECT EXISTS (SELECT 1 FROM shared_audit_entry
                                           WHERE occurred_at >= :from AND occurred_at < :to
                                             AND chain = :chain AND chain_seq > :through)""")
                    .param("from", Timestamp.from(month.from()))
                    .param("to", Timestamp.from(month.to()))
                    .param("chain", chain.getKey())
                    .param("through", through)
                    .query(Boolean.class)
                    .single();
            if (beyond) {
                log.warn(
                        "{} holds entries after the expired part of chain {}; removing by row",
                        month.partition(),
                        chain);
                return false;
            }
        }
        return true;
    }

    private record Expired(long chainSeq, String hash) {}
}
