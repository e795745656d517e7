package org.zhengwu.exchange.query;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.zhengwu.exchange.ExchangeProperties;
import org.zhengwu.shared.database.TimePartitions;

/**
 * Removes rows of the query API's access log older than {@code zhengwu.exchange.access-log-retention}, when one is set
 * (by default the log is kept for ever): whole months are dropped, the rest of the expired rows deleted. A log of
 * access to personal data is kept at least 180 days (等保 2.0 level 3), whatever is configured.
 */
@Component
class AccessLogRetention {

    static final Duration MINIMUM = Duration.ofDays(180);
    private static final String TABLE = "exchange_access";
    private static final Logger log = LoggerFactory.getLogger(AccessLogRetention.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TimePartitions partitions;
    private final Duration retention;

    @Autowired
    AccessLogRetention(JdbcClient jdbc, Clock clock, TimePartitions partitions, ExchangeProperties properties) {
        this(jdbc, clock, partitions, properties.accessLogRetention());
    }

    AccessLogRetention(JdbcClient jdbc, Clock clock, TimePartitions partitions, Duration retention) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.partitions = partitions;
        this.retention = retention == null || retention.isZero() || retention.isNegative()
                ? Duration.ZERO
                : retention.compareTo(MINIMUM) < 0 ? MINIMUM : retention;
    }

    /** Zero: kept for ever. */
    Duration retention() {
        return retention;
    }

    /** Daily at 03:37, on one node. */
    @Scheduled(cron = "0 37 3 * * *", zone = "Asia/Shanghai")
    @SchedulerLock(name = "exchange.access-log.retention", lockAtMostFor = "PT6H")
    @Transactional
    void scheduled() {
        removeExpired();
    }

    /** @return the number of rows removed */
    @Transactional
    long removeExpired() {
        if (retention.isZero()) {
            return 0;
        }
        Instant cutoff = clock.instant().minus(retention);
        long removed = 0;
        for (TimePartitions.Month month : partitions.wholeMonthsBefore(TABLE, cutoff)) {
            removed += partitions.drop(TABLE, month);
        }
        removed += jdbc.sql("DELETE FROM exchange_access WHERE accessed_at < :cutoff")
                .param("cutoff", Timestamp.from(cutoff))
                .update();
        if (removed > 0) {
            log.info("Removed {} access-log rows older than {}", removed, cutoff);
        }
        return removed;
    }
}
