package org.zhengwu.shared.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
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

    /**
     * Daily at 03:17: removes the expired prefix of the chain and moves the retention mark to the last entry removed,
     * where verification then starts.
     */
    @Scheduled(cron = "0 17 3 * * *", zone = "Asia/Shanghai")
    @Transactional
    public int removeExpired() {
        Instant cutoff = clock.instant().minus(retention);
        // Serialises retention runs (several nodes may run it) so that the mark only ever moves forward.
        jdbc.sql("SELECT removed_through_seq FROM shared_audit_retention WHERE id = 1 FOR UPDATE")
                .query()
                .singleRow();
        Optional<Map<String, Object>> last =
                jdbc.sql("""
                        SELECT seq, hash FROM shared_audit_entry WHERE seq = (
                            SELECT MAX(seq) FROM shared_audit_entry WHERE occurred_at < :cutoff)""").param("cutoff", Timestamp.from(cutoff)).query().listOfRows().stream()
                        .findFirst();
        if (last.isEmpty()) {
            return 0;
        }
        long through = ((Number) last.get().get("seq")).longValue();
        int removed = jdbc.sql("DELETE FROM shared_audit_entry WHERE seq <= :through")
                .param("through", through)
                .update();
        jdbc.sql("""
                        UPDATE shared_audit_retention SET removed_through_seq = :seq, removed_through_hash = :hash,
                               removed_at = :now
                        WHERE id = 1""")
                .param("seq", through)
                .param("hash", ((String) last.get().get("hash")).strip())
                .param("now", Timestamp.from(clock.instant()))
                .update();
        log.info(
                "Removed {} accountability-log entries older than {}; the chain now starts after entry {}",
                removed,
                cutoff,
                through);
        return removed;
    }
}
