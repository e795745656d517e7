package org.zhengwu.shared.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Removes accountability-log entries after their retention period, oldest first. The period is at least 180 days
 * (等保 2.0 level 3) whatever is configured, and the database refuses to delete younger entries anyway.
 */
@Component
class AuditRetention {

    static final Duration MINIMUM = Duration.ofDays(180);
    private static final Logger log = LoggerFactory.getLogger(AuditRetention.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration retention;

    AuditRetention(JdbcClient jdbc, Clock clock, AuditProperties properties) {
        this.jdbc = jdbc;
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
     * Daily at 03:17: removes the expired prefix of each chain and moves the chain's retention mark to the last entry
     * removed, where verification then starts.
     */
    @Transactional
    public int removeExpired() {
        Instant cutoff = clock.instant().minus(retention);
        int removed = 0;
        // Locks every chain's mark: retention runs on several nodes are serialised, and each mark only moves forward.
        List<Integer> chains = jdbc.sql("SELECT id FROM shared_audit_retention ORDER BY id FOR UPDATE")
                .query(Integer.class)
                .list();
        for (int chain : chains) {
            Optional<Map<String, Object>> last = jdbc
                    .sql("""
                            SELECT chain_seq, hash FROM shared_audit_entry WHERE chain = :chain AND chain_seq = (
                                SELECT MAX(chain_seq) FROM shared_audit_entry
                                WHERE chain = :chain AND occurred_at < :cutoff)""")
                    .param("chain", chain)
                    .param("cutoff", Timestamp.from(cutoff))
                    .query()
                    .listOfRows()
                    .stream()
                    .findFirst();
            if (last.isEmpty()) {
                continue;
            }
            long through = ((Number) last.get().get("chain_seq")).longValue();
            removed += jdbc.sql("DELETE FROM shared_audit_entry WHERE chain = :chain AND chain_seq <= :through")
                    .param("chain", chain)
                    .param("through", through)
                    .update();
            jdbc.sql("""
                            UPDATE shared_audit_retention SET removed_through_seq = :seq, removed_through_hash = :hash,
                                   removed_at = :now
                            WHERE id = :chain""")
                    .param("seq", through)
                    .param("hash", ((String) last.get().get("hash")).strip())
                    .param("now", Timestamp.from(clock.instant()))
                    .param("chain", chain)
                    .update();
        }
        if (removed > 0) {
            log.info("Removed {} accountability-log entries older than {}", removed, cutoff);
        }
        return removed;
    }
}
