-- Scheduled jobs run once across nodes (shared.database.JobLocks, ShedLock's JDBC provider): one row per job, taken by
-- the node that runs it until lock_until. Times are UTC as the database's clock gives them (timezone('utc', now())),
-- never a node's clock, so nodes whose clocks disagree still agree on who holds a job.
CREATE TABLE shared_job_lock
(
    name       VARCHAR(64)  NOT NULL PRIMARY KEY,
    lock_until TIMESTAMP    NOT NULL,
    locked_at  TIMESTAMP    NOT NULL,
    locked_by  VARCHAR(255) NOT NULL
);
