package org.zhengwu.cases.statistics;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sums the received cases' deltas into their roll-up rows ({@code cases_statistics_fold()}, V39), every few seconds,
 * so that the deltas the page reads besides the rows stay few ({@code zhengwu.cases.statistics-fold-interval}, default
 * 5 s). The submitting transactions only append deltas: the
 * one row a popular entry's submissions of a day share is written here, once per fold, and is not held by any of them.
 * The fold commits without waiting for the disk: a fold lost in a crash leaves its deltas where they were, since the
 * move is one transaction. Several nodes may fold at once; the function serialises them.
 */
@Component
class StatisticsFold {

    private final JdbcClient jdbc;

    StatisticsFold(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** How many deltas were moved. */
    @Scheduled(
            initialDelayString = "${zhengwu.cases.statistics-fold-interval:5s}",
            fixedDelayString = "${zhengwu.cases.statistics-fold-interval:5s}")
    @Transactional
    public long fold() {
        jdbc.sql("SET LOCAL synchronous_commit TO OFF").update();
        return jdbc.sql("SELECT cases_statistics_fold()").query(Long.class).single();
    }
}
