package org.zhengwu.shared.events;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A listener that fails leaves its event publication in the registry; this delivers such publications again every
 * ten minutes, so that a passing fault (a lost connection, a lock that timed out) heals without a restart. After
 * {@value #MAX_ATTEMPTS} attempts a publication is left alone — it stays in {@code event_publication} for an operator,
 * and is tried once more at each start. Several nodes may run this: each publication is taken by one of them.
 */
@Component
class EventRedelivery {

    static final int MAX_ATTEMPTS = 10;

    /** Younger failures wait for the next round, so that a listener is not hammered while its cause persists. */
    static final Duration MIN_AGE = Duration.ofMinutes(1);

    private final FailedEventPublications failed;

    EventRedelivery(FailedEventPublications failed) {
        this.failed = failed;
    }

    @Scheduled(initialDelay = 10, fixedDelay = 10, timeUnit = TimeUnit.MINUTES)
    void redeliverFailed() {
        failed.resubmit(ResubmissionOptions.defaults()
                .withMinAge(MIN_AGE)
                .withBatchSize(100)
                .withFilter(publication -> publication.getCompletionAttempts() < MAX_ATTEMPTS));
    }
}
