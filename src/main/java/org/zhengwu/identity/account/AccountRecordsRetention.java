package org.zhengwu.identity.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Removes, every hour, the account records that no rule reads any more: failed sign-ins older than the lockout window
 * ({@link SignInAttempts#WINDOW}; each failure is also in the accountability log, which keeps it for its own retention
 * period of at least 180 days, under the account's username or the blind index of the name typed, never the text),
 * one-time codes past their expiry (they can never be accepted), passwords beyond the last
 * {@link PasswordPolicy#HISTORY} of each account (only those are compared with a new one), development-outbox messages
 * older than {@link #OUTBOX_KEPT}, events counted by the {@link RateLimits} older than their longest window,
 * registrations whose code expired ({@link RegistrationRequests}) and the rows of sessions past their absolute lifetime
 * (such a session can only end: {@link AccountSessions#ending} says so without its row). The periods follow from the
 * rules, so there is nothing to configure. Several nodes may run this: one does, the others skip.
 */
@Component
class AccountRecordsRetention {

    static final Duration OUTBOX_KEPT = Duration.ofDays(7);

    private static final Logger log = LoggerFactory.getLogger(AccountRecordsRetention.class);
    private static final long LOCK = 7_100_423_180_001L;

    /** How many rows of each kind a run removed. */
    record Removed(
            int signInFailures,
            int oneTimeCodes,
            int passwords,
            int outboxMessages,
            int rateLimitEvents,
            int pendingRegistrations,
            int sessions) {

        static final Removed NOTHING = new Removed(0, 0, 0, 0, 0, 0, 0);

        int total() {
            return signInFailures
                    + oneTimeCodes
                    + passwords
                    + outboxMessages
                    + rateLimitEvents
                    + pendingRegistrations
                    + sessions;
        }
    }

    private final JdbcClient jdbc;
    private final RateLimits limits;
    private final Clock clock;

    AccountRecordsRetention(JdbcClient jdbc, RateLimits limits, Clock clock) {
        this.jdbc = jdbc;
        this.limits = limits;
        this.clock = clock;
    }

    /** Hourly at minute 23, on one node (shared.database.JobLocks). */
    @Scheduled(cron = "0 23 * * * *", zone = "Asia/Shanghai")
    @SchedulerLock(name = "identity.account-records-retention")
    @Transactional
    void scheduled() {
        removeExpired();
    }

    @Transactional
    public Removed removeExpired() {
        if (!Boolean.TRUE.equals(jdbc.sql("SELECT pg_try_advisory_xact_lock(:lock)")
                .param("lock", LOCK)
                .query(Boolean.class)
                .single())) {
            return Removed.NOTHING;
        }
        Instant now = clock.instant();
        Removed removed = new Removed(
                jdbc.sql("DELETE FROM identity_sign_in_failure WHERE failed_at < :cutoff")
                        .param("cutoff", Timestamp.from(now.minus(SignInAttempts.WINDOW)))
                        .update(),
                jdbc.sql("DELETE FROM identity_one_time_code WHERE expires_at < :now")
                        .param("now", Timestamp.from(now))
                        .update(),
                // RANK, not ROW_NUMBER: passwords changed at the same instant as the last kept one stay with it.
                jdbc.sql("""
                                DELETE FROM identity_password_history h
                                USING (SELECT ctid, rank() OVER (PARTITION BY account_id ORDER BY changed_at DESC) AS age
                                       FROM identity_password_history) ranked
                                WHERE h.ctid = ranked.ctid AND ranked.age > :kept""").param("kept", PasswordPolicy.HISTORY).update(),
                jdbc.sql("DELETE FROM identity_notification_outbox WHERE created_at < :cutoff")
                        .param("cutoff", Timestamp.from(now.minus(OUTBOX_KEPT)))
                        .update(),
                jdbc.sql("DELETE FROM identity_rate_limit_event WHERE occurred_at < :cutoff")
                        .param("cutoff", Timestamp.from(now.minus(limits.longestWindow())))
                        .update(),
                jdbc.sql("DELETE FROM identity_pending_registration WHERE expires_at < :now")
                        .param("now", Timestamp.from(now))
                        .update(),
                jdbc.sql("DELETE FROM identity_session WHERE expires_at < :now")
                        .param("now", Timestamp.from(now))
                        .update());
        if (removed.total() > 0) {
            log.info("Removed expired account records: {}", removed);
        }
        return removed;
    }
}
