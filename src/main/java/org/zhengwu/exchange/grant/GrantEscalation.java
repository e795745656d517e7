package org.zhengwu.exchange.grant;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every hour, marks the requests still undecided after their due date (10 working days) as escalated: they are then
 * listed on the supervisors' page and each escalation is in the accountability log. Several nodes may run this: one
 * does (an advisory lock), the others skip.
 */
@Component
class GrantEscalation {

    private static final long LOCK = 7_100_423_180_012L;

    private final JdbcClient jdbc;
    private final Grants grants;

    GrantEscalation(JdbcClient jdbc, Grants grants) {
        this.jdbc = jdbc;
        this.grants = grants;
    }

    /** Hourly at minute 7, on one node (shared.database.JobLocks). */
    @Scheduled(cron = "0 7 * * * *", zone = "Asia/Shanghai")
    @SchedulerLock(name = "exchange.grant-escalation")
    @Transactional
    void scheduled() {
        escalate();
    }

    /** Answers how many requests it escalated (0 when another node is at it). */
    @Transactional
    public int escalate() {
        if (!Boolean.TRUE.equals(jdbc.sql("SELECT pg_try_advisory_xact_lock(:lock)")
                .param("lock", LOCK)
                .query(Boolean.class)
                .single())) {
            return 0;
        }
        return grants.escalateOverdue("system");
    }
}
