-- Work done once per database (reference-data seeding, demo data), so that it never repeats after a restart.
CREATE TABLE shared_once_task
(
    task    VARCHAR(100)             NOT NULL PRIMARY KEY,
    done_at TIMESTAMP WITH TIME ZONE NOT NULL
);
