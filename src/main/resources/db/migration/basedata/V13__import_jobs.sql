-- Bulk imports into the base libraries: one row per uploaded file, run in the background, and the problems of its
-- rows (line as a spreadsheet numbers it, column, message key and its values) for the error report. The values of a
-- problem may repeat what the file held (a mistyped birth date): a job and its problems are shown only to the
-- operator who ran it.
CREATE TABLE basedata_import_job
(
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    library       VARCHAR(20)              NOT NULL,
    mode          VARCHAR(20)              NOT NULL,
    status        VARCHAR(20)              NOT NULL,
    file_name     VARCHAR(200)             NOT NULL,
    file_kind     VARCHAR(8)               NOT NULL,
    actor         VARCHAR(100)             NOT NULL,
    rows_read     INTEGER                  NOT NULL DEFAULT 0,
    rows_imported INTEGER                  NOT NULL DEFAULT 0,
    rows_refused  INTEGER                  NOT NULL DEFAULT 0,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    finished_at   TIMESTAMP WITH TIME ZONE,
    CONSTRAINT basedata_import_job_library_check CHECK (library IN ('person', 'legal-entity', 'place', 'indicator')),
    CONSTRAINT basedata_import_job_mode_check CHECK (mode IN ('all-or-nothing', 'skip-bad-rows')),
    CONSTRAINT basedata_import_job_status_check
        CHECK (status IN ('queued', 'running', 'completed', 'rejected', 'failed')),
    CONSTRAINT basedata_import_job_kind_check CHECK (file_kind IN ('csv', 'xlsx')),
    CONSTRAINT basedata_import_job_counts_check CHECK (rows_read >= 0 AND rows_imported >= 0 AND rows_refused >= 0)
);
CREATE INDEX basedata_import_job_actor_idx ON basedata_import_job (actor, id);

CREATE TABLE basedata_import_problem
(
    job_id      BIGINT       NOT NULL REFERENCES basedata_import_job (id) ON DELETE CASCADE,
    seq         INTEGER      NOT NULL,
    line        INTEGER      NOT NULL,
    column_name VARCHAR(60)  NOT NULL,
    message_key VARCHAR(100) NOT NULL,
    -- The message's values, each ended by U+001F (unit separator).
    arguments   TEXT         NOT NULL,
    PRIMARY KEY (job_id, seq)
);
