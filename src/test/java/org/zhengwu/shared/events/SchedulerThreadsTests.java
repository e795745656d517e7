package org.zhengwu.shared.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.TaskScheduler;
import org.zhengwu.support.ZhengwuTest;

/**
 * The application's scheduled jobs share one scheduler; a job that runs long (the exchange's delivery worker pushing a
 * backlog to a slow receiver) must not hold up the others (the broker relay, the statistics fold), as it did with
 * Spring's default of one thread.
 */
@ZhengwuTest
class SchedulerThreadsTests {

    @Autowired
    TaskScheduler scheduler;

    @Test
    void aLongJobDoesNotHoldUpTheOthers() throws InterruptedException {
        CountDownLatch longJobRunning = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch otherJobRan = new CountDownLatch(1);
        scheduler.schedule(
                () -> {
                    longJobRunning.countDown();
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                Instant.now());
        try {
            assertThat(longJobRunning.await(10, TimeUnit.SECONDS)).isTrue();
            scheduler.schedule(otherJobRan::countDown, Instant.now());
            assertThat(otherJobRan.await(5, TimeUnit.SECONDS))
                    .as("another job ran while the long one was running")
                    .isTrue();
        } finally {
            release.countDown();
        }
    }
}
