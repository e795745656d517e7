package org.zhengwu.cases.lifecycle;

import java.time.LocalDate;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * 行政许可法 §32, carried out rather than reminded: every working morning, and at each start, the cases still waiting
 * at the counter whose five working days for a 补正 notice have passed are accepted as of the day they were received.
 * Each case is its own transaction ({@link CaseLifecycle#deemAccepted}), under a row lock, so several nodes may run
 * this at once without acting twice.
 */
@Component
public class DeemedAcceptance {

    private static final Logger log = LoggerFactory.getLogger(DeemedAcceptance.class);

    private final JdbcClient jdbc;
    private final CaseLifecycle lifecycle;
    private final CaseClock clock;

    DeemedAcceptance(JdbcClient jdbc, CaseLifecycle lifecycle, CaseClock clock) {
        this.jdbc = jdbc;
        this.lifecycle = lifecycle;
        this.clock = clock;
    }

    /** Every morning at 00:05 and hourly after, in case a node was down at midnight; on one node (shared.database.JobLocks). */
    @Scheduled(cron = "0 5 * * * *", zone = "Asia/Shanghai")
    @SchedulerLock(name = "cases.deemed-acceptance")
    void scheduled() {
        run();
    }

    public int run() {
        // Five working days are never fewer than five calendar days, so only cases received before that can have run
        // out; deemAccepted checks each one on the calendar.
        LocalDate receivedBefore = clock.today().minusDays(CaseClock.CORRECTION_NOTICE_DAYS);
        List<Long> candidates =
                jdbc.sql("""
                        SELECT id FROM cases_case c
                        WHERE c.status = 'SUBMITTED' AND c.case_kind = '2' AND c.received_on < :before
                          AND NOT EXISTS (SELECT 1 FROM cases_correction r WHERE r.case_id = c.id)
                        ORDER BY c.received_on LIMIT 1000""").param("before", receivedBefore).query(Long.class).list();
        int accepted = 0;
        for (long id : candidates) {
            // One case that cannot be moved (its process gone astray) must not keep the law from the others.
            try {
                if (lifecycle.deemAccepted(id)) {
                    accepted++;
                }
            } catch (RuntimeException e) {
                log.warn("行政许可法第三十二条: case {} could not be deemed accepted: {}", id, e.toString());
            }
        }
        if (accepted > 0) {
            log.info("行政许可法第三十二条: {} case(s) deemed accepted on their day of receipt", accepted);
        }
        return accepted;
    }
}
