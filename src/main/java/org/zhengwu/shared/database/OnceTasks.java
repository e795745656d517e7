package org.zhengwu.shared.database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs work exactly once per database — seeding reference data, loading the demo — even when several nodes start
 * together: the work and its marker row commit in one transaction, and a second node waits on the marker's unique
 * key, then skips. Data deleted afterwards is never loaded again.
 */
@Component
public class OnceTasks {

    private static final Logger log = LoggerFactory.getLogger(OnceTasks.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    OnceTasks(JdbcClient jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /** @return true when this call did the work, false when it had been done before */
    public boolean runOnce(String task, Runnable work) {
        try {
            return Boolean.TRUE.equals(transaction.execute(status -> {
                jdbc.sql("INSERT INTO shared_once_task (task, done_at) VALUES (:task, CURRENT_TIMESTAMP)")
                        .param("task", task)
                        .update();
                long started = System.nanoTime();
                work.run();
                log.info("Ran once-per-database task '{}' in {} ms", task, (System.nanoTime() - started) / 1_000_000);
                return true;
            }));
        } catch (DuplicateKeyException alreadyDone) {
            return false;
        }
    }
}
