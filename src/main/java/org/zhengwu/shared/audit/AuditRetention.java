package org.zhengwu.shared.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
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

    AuditRetention(JdbcClient jdbc, Clock clock, @Value("${zhengwu.audit.retention:365d}") Duration retention) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.retention = retention.compareTo(MINIMUM) < 0 ? MINIMUM : retention;
    }

    Duration retention() {
        return retention;
    }

    /** Daily at 03:17: removes the expired prefix of the chain; verification then starts at the first kept entry. */
    @Scheduled(cron = "0 17 3 * * *", zone = "Asia/Shanghai")
    @Transactional
    public int removeExpired() {
        Instant cutoff = clock.instant().minus(retention);
        int removed = jdbc.sql("""
                        DELETE FROM shared_audit_entry WHERE seq <= (
                            SELECT COALESCE(MAX(seq), 0) FROM shared_audit_entry WHERE occurred_at < :cutoff)""")
                .param("cutoff", java.sql.Timestamp.from(cutoff)).update();
        if (removed > 0) {
            log.info("Removed {} accountability-log entries older than {}", removed, cutoff);
        }
        return removed;
    }
}
