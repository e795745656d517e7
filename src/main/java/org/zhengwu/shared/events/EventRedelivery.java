package org.zhengwu.shared.events;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A listener that fails leaves its event publication in the registry; this delivers such publications again every
 * ten minutes, so that a passing fault (a lost connection, a lock that timed out) heals without a restart. After
 * {@value #MAX_ATTEMPTS} attempts a publication is left alone — it stays in {@code event_publication} for an operator,
 * and is tried once more at each start. A publication whose node died on the way is taken as failed after
 * {@link #ORPHANED_AFTER}. Several nodes may run this: each publication is taken by one of them.
 */
@Component
class EventRedelivery {

    static final int MAX_ATTEMPTS = 10;
    private static final Logger log = LoggerFactory.getLogger(EventRedelivery.class);

    /** Younger failures wait for the next round, so that a listener is not hammered while its cause persists. */
    static final Duration MIN_AGE = Duration.ofMinutes(1);

    /**
     * A publication that has been on its way this long — published but never taken up, being processed, or
     * resubmitted — lost its node on the way (a crash, a kill): it is marked failed so that this job delivers it
     * again. Spring Modulith claims a resubmission by its status alone, so without this it would stay unclaimable.
     */
    static final Duration ORPHANED_AFTER = Duration.ofMinutes(30);

    private final FailedEventPublications failed;
    private final JdbcClient jdbc;
    private final Clock clock;

    EventRedelivery(FailedEventPublications failed, JdbcClient jdbc, Clock clock) {
        this.failed = failed;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Every ten minutes of each node, at most once in nine minutes across nodes (shared.database.JobLocks): the nodes'
     * delays do not line up, so without the lock N nodes would each go through the failed publications.
     */
    @Scheduled(initialDelay = 10, fixedDelay = 10, timeUnit = TimeUnit.MINUTES)
    @SchedulerLock(name = "shared.events.redelivery", lockAtLeastFor = "PT9M", lockAtMostFor = "PT30M")
    void scheduled() {
        redeliverFailed();
    }

    void redeliverFailed() {
        int orphaned = jdbc.sql("""
                        UPDATE event_publication SET status = 'FAILED'
                        WHERE completion_date IS NULL
                          AND ((status = 'RESUBMITTED' AND last_resubmission_date < :cutoff)
                               OR (status IN ('PUBLISHED', 'PROCESSING') AND publication_date < :cutoff))""")
                .param("cutoff", Timestamp.from(clock.instant().minus(ORPHANED_AFTER)))
                .update();
        if (orphaned > 0) {
            log.warn(
                    "{} event publications on their way for more than {} were taken as failed and are delivered again",
                    orphaned,
                    ORPHANED_AFTER);
        }
        // The age is checked here as well: Spring Modulith 2.1.1 appends its min-age condition after an OR
        // ("STATUS = 'FAILED' OR (…) AND PUBLICATION_DATE < ?"), so that it never applies to failed publications.
        Instant youngest = clock.instant().minus(MIN_AGE);
        failed.resubmit(ResubmissionOptions.defaults()
                .withMinAge(MIN_AGE)
                .withBatchSize(100)
                .withFilter(publication -> publication.getCompletionAttempts() < MAX_ATTEMPTS
                        && publication.getPublicationDate().isBefore(youngest)));
    }
}
