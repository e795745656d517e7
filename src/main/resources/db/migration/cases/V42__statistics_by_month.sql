-- The statistics page without reading a day's rows per entry and department for every day of its period (issue 10:
-- 1.8 s p95 at 16 clerks on 1 M cases, docs/BENCHMARKS.md). A period's whole months are read from monthly rows, its
-- partial months at the edges from the daily rows of V38 (or, where fewer, the month's row less the days outside the
-- period), and what the page shows per day from narrow daily rows without the entry or the day of receipt:
--
--   cases_stat_received_month  the received cases per month of receipt, department, division and entry (V38's
--                              cases_stat_received summed over the month): the page's groups by department, division,
--                              entry and in total;
--   cases_stat_received_day    the received cases (and of them asked for 补正) per day, department and division: the
--                              page's cases per day;
--   cases_stat_decided_day     the decisions per day of decision, department and division: decided, with a due date,
--                              on time per day, and the +1 of each decision's working days;
--   cases_stat_decided_month   the decisions per month of decision, department, division and day of receipt: the −1 of
--                              each decision's working days on its day of receipt.
--
-- They are kept as V38's and V39's tables are: the received cases' by cases_statistics_fold() from the same deltas,
-- in the same transaction as cases_stat_received, the decisions' by the trigger's function in the transaction of the
-- change; cases_statistics_rebuild() recounts them with the rest. A row whose count falls to zero is deleted.

CREATE TABLE cases_stat_received_month (
    received_in          DATE NOT NULL CHECK (received_in = CAST(date_trunc('month', received_in) AS DATE)),
    organisation_uscc    VARCHAR(18) NOT NULL,
    division_code        VARCHAR(6) NOT NULL,
    implementation_code  VARCHAR(31) NOT NULL,
    item_name            VARCHAR(200) NOT NULL,
    cases                BIGINT NOT NULL,
    corrected            BIGINT NOT NULL,
    submitted            BIGINT NOT NULL,
    correction_requested BIGINT NOT NULL,
    refused              BIGINT NOT NULL,
    withdrawn            BIGINT NOT NULL,
    under_review         BIGINT NOT NULL,
    completed            BIGINT NOT NULL,
    delivered            BIGINT NOT NULL,
    channel_1            BIGINT NOT NULL,
    channel_2            BIGINT NOT NULL,
    channel_3            BIGINT NOT NULL,
    channel_4            BIGINT NOT NULL,
    channel_9            BIGINT NOT NULL,
    PRIMARY KEY (received_in, organisation_uscc, division_code, implementation_code, item_name)
);

CREATE TABLE cases_stat_received_day (
    received_on       DATE NOT NULL,
    organisation_uscc VARCHAR(18) NOT NULL,
    division_code     VARCHAR(6) NOT NULL,
    cases             BIGINT NOT NULL,
    corrected         BIGINT NOT NULL,
    PRIMARY KEY (received_on, organisation_uscc, division_code)
);

CREATE TABLE cases_stat_decided_day (
    decided_on        DATE NOT NULL,
    organisation_uscc VARCHAR(18) NOT NULL,
    division_code     VARCHAR(6) NOT NULL,
    decided           BIGINT NOT NULL,
    with_due          BIGINT NOT NULL,
    on_time           BIGINT NOT NULL,
    PRIMARY KEY (decided_on, organisation_uscc, division_code)
);

CREATE TABLE cases_stat_decided_month (
    decided_in        DATE NOT NULL CHECK (decided_in = CAST(date_trunc('month', decided_in) AS DATE)),
    organisation_uscc VARCHAR(18) NOT NULL,
    division_code     VARCHAR(6) NOT NULL,
    received_on       DATE NOT NULL,
    decided           BIGINT NOT NULL,
    PRIMARY KEY (decided_in, organisation_uscc, division_code, received_on)
);

-- A scope reads the organisation's rows or its region's divisions (as V38's indexes), each with the month or day.
CREATE INDEX cases_stat_received_month_organisation ON cases_stat_received_month (organisation_uscc, received_in);
CREATE INDEX cases_stat_received_month_division ON cases_stat_received_month (division_code, received_in);
CREATE INDEX cases_stat_received_day_organisation ON cases_stat_received_day (organisation_uscc, received_on);
CREATE INDEX cases_stat_received_day_division ON cases_stat_received_day (division_code, received_on);
CREATE INDEX cases_stat_decided_day_organisation ON cases_stat_decided_day (organisation_uscc, decided_on);
CREATE INDEX cases_stat_decided_day_division ON cases_stat_decided_day (division_code, decided_on);
CREATE INDEX cases_stat_decided_month_organisation ON cases_stat_decided_month (organisation_uscc, decided_in);
CREATE INDEX cases_stat_decided_month_division ON cases_stat_decided_month (division_code, decided_in);
-- The fold deletes the rows whose count fell to zero through these.
CREATE INDEX cases_stat_received_month_empty ON cases_stat_received_month (received_in) WHERE cases = 0;
CREATE INDEX cases_stat_received_day_empty ON cases_stat_received_day (received_on) WHERE cases = 0;

-- ------------------------------------------------------------------ decisions: the trigger's function writes all three

CREATE OR REPLACE FUNCTION cases_stat_count_decided(c cases_case, p_sign INTEGER) RETURNS void AS
$$
DECLARE
    decided_day DATE;
    decided_mon DATE;
    v_with_due  INTEGER;
    v_on_time   INTEGER;
    left_over   BIGINT;
BEGIN
    IF c.decision IS NULL OR c.decided_at IS NULL OR c.received_on IS NULL THEN
        RETURN;
    END IF;
    decided_day := CAST(c.decided_at AT TIME ZONE 'Asia/Shanghai' AS DATE);
    decided_mon := CAST(date_trunc('month', decided_day) AS DATE);
    v_with_due := CASE WHEN c.due_on IS NULL THEN 0 ELSE p_sign END;
    v_on_time := CASE WHEN c.due_on IS NOT NULL AND decided_day <= c.due_on THEN p_sign ELSE 0 END;

    INSERT INTO cases_stat_decided AS d (decided_on, received_on, organisation_uscc, division_code, decided, with_due,
            on_time)
    VALUES (decided_day, c.received_on, c.organisation_uscc, c.division_code, p_sign, v_with_due, v_on_time)
    ON CONFLICT (decided_on, organisation_uscc, division_code, received_on) DO UPDATE SET
        decided = d.decided + EXCLUDED.decided,
        with_due = d.with_due + EXCLUDED.with_due,
        on_time = d.on_time + EXCLUDED.on_time
    RETURNING d.decided INTO left_over;
    IF left_over = 0 THEN
        DELETE FROM cases_stat_decided d
        WHERE d.decided_on = decided_day AND d.organisation_uscc = c.organisation_uscc
          AND d.division_code = c.division_code AND d.received_on = c.received_on AND d.decided = 0;
    END IF;

    INSERT INTO cases_stat_decided_day AS d (decided_on, organisation_uscc, division_code, decided, with_due, on_time)
    VALUES (decided_day, c.organisation_uscc, c.division_code, p_sign, v_with_due, v_on_time)
    ON CONFLICT (decided_on, organisation_uscc, division_code) DO UPDATE SET
        decided = d.decided + EXCLUDED.decided,
        with_due = d.with_due + EXCLUDED.with_due,
        on_time = d.on_time + EXCLUDED.on_time
    RETURNING d.decided INTO left_over;
    IF left_over = 0 THEN
        DELETE FROM cases_stat_decided_day d
        WHERE d.decided_on = decided_day AND d.organisation_uscc = c.organisation_uscc
          AND d.division_code = c.division_code AND d.decided = 0;
    END IF;

    INSERT INTO cases_stat_decided_month AS d (decided_in, organisation_uscc, division_code, received_on, decided)
    VALUES (decided_mon, c.organisation_uscc, c.division_code, c.received_on, p_sign)
    ON CONFLICT (decided_in, organisation_uscc, division_code, received_on) DO UPDATE SET
        decided = d.decided + EXCLUDED.decided
    RETURNING d.decided INTO left_over;
    IF left_over = 0 THEN
        DELETE FROM cases_stat_decided_month d
        WHERE d.decided_in = decided_mon AND d.organisation_uscc = c.organisation_uscc
          AND d.division_code = c.division_code AND d.received_on = c.received_on AND d.decided = 0;
    END IF;
END;
$$ LANGUAGE plpgsql;

-- ------------------------------------------------------------------ received cases: the fold sums into all three

-- As V39's: every committed delta moved in one transaction, summed per daily row, and from those sums into the month's
-- and the day's rows, so that the three always agree with each other and with the deltas left.
CREATE OR REPLACE FUNCTION cases_statistics_fold() RETURNS BIGINT AS
$$
DECLARE
    moved_rows BIGINT;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('cases_stat_received'));
    WITH moved AS (DELETE FROM cases_stat_received_delta RETURNING *),
         summed AS (
             SELECT m.received_on, m.organisation_uscc, m.division_code, m.implementation_code, m.item_name,
                    count(*) AS deltas, sum(m.cases) AS cases, sum(m.corrected) AS corrected,
                    sum(m.submitted) AS submitted, sum(m.correction_requested) AS correction_requested,
                    sum(m.refused) AS refused, sum(m.withdrawn) AS withdrawn, sum(m.under_review) AS under_review,
                    sum(m.completed) AS completed, sum(m.delivered) AS delivered, sum(m.channel_1) AS channel_1,
                    sum(m.channel_2) AS channel_2, sum(m.channel_3) AS channel_3, sum(m.channel_4) AS channel_4,
                    sum(m.channel_9) AS channel_9
             FROM moved m
             GROUP BY m.received_on, m.organisation_uscc, m.division_code, m.implementation_code, m.item_name),
         folded AS (
             INSERT INTO cases_stat_received AS r (received_on, organisation_uscc, division_code,
                     implementation_code, item_name, cases, corrected, submitted, correction_requested, refused,
                     withdrawn, under_review, completed, delivered, channel_1, channel_2, channel_3, channel_4,
                     channel_9)
             SELECT s.received_on, s.organisation_uscc, s.division_code, s.implementation_code, s.item_name, s.cases,
                    s.corrected, s.submitted, s.correction_requested, s.refused, s.withdrawn, s.under_review,
                    s.completed, s.delivered, s.channel_1, s.channel_2, s.channel_3, s.channel_4, s.channel_9
             FROM summed s
             ORDER BY s.received_on, s.organisation_uscc, s.division_code, s.implementation_code, s.item_name
             ON CONFLICT (received_on, organisation_uscc, division_code, implementation_code, item_name) DO UPDATE SET
                 cases = r.cases + EXCLUDED.cases,
                 corrected = r.corrected + EXCLUDED.corrected,
                 submitted = r.submitted + EXCLUDED.submitted,
                 correction_requested = r.correction_requested + EXCLUDED.correction_requested,
                 refused = r.refused + EXCLUDED.refused,
                 withdrawn = r.withdrawn + EXCLUDED.withdrawn,
                 under_review = r.under_review + EXCLUDED.under_review,
                 completed = r.completed + EXCLUDED.completed,
                 delivered = r.delivered + EXCLUDED.delivered,
                 channel_1 = r.channel_1 + EXCLUDED.channel_1,
                 channel_2 = r.channel_2 + EXCLUDED.channel_2,
                 channel_3 = r.channel_3 + EXCLUDED.channel_3,
                 channel_4 = r.channel_4 + EXCLUDED.channel_4,
                 channel_9 = r.channel_9 + EXCLUDED.channel_9
             RETURNING 1),
         monthly AS (
             INSERT INTO cases_stat_received_month AS r (received_in, organisation_uscc, division_code,
                     implementation_code, item_name, cases, corrected, submitted, correction_requested, refused,
                     withdrawn, under_review, completed, delivered, channel_1, channel_2, channel_3, channel_4,
                     channel_9)
             SELECT CAST(date_trunc('month', s.received_on) AS DATE), s.organisation_uscc, s.division_code,
                    s.implementation_code, s.item_name, sum(s.cases), sum(s.corrected), sum(s.submitted),
                    sum(s.correction_requested), sum(s.refused), sum(s.withdrawn), sum(s.under_review),
                    sum(s.completed), sum(s.delivered), sum(s.channel_1), sum(s.channel_2), sum(s.channel_3),
                    sum(s.channel_4), sum(s.channel_9)
             FROM summed s
             GROUP BY 1, 2, 3, 4, 5
             ORDER BY 1, 2, 3, 4, 5
             ON CONFLICT (received_in, organisation_uscc, division_code, implementation_code, item_name) DO UPDATE SET
                 cases = r.cases + EXCLUDED.cases,
                 corrected = r.corrected + EXCLUDED.corrected,
                 submitted = r.submitted + EXCLUDED.submitted,
                 correction_requested = r.correction_requested + EXCLUDED.correction_requested,
                 refused = r.refused + EXCLUDED.refused,
                 withdrawn = r.withdrawn + EXCLUDED.withdrawn,
                 under_review = r.under_review + EXCLUDED.under_review,
                 completed = r.completed + EXCLUDED.completed,
                 delivered = r.delivered + EXCLUDED.delivered,
                 channel_1 = r.channel_1 + EXCLUDED.channel_1,
                 channel_2 = r.channel_2 + EXCLUDED.channel_2,
                 channel_3 = r.channel_3 + EXCLUDED.channel_3,
                 channel_4 = r.channel_4 + EXCLUDED.channel_4,
                 channel_9 = r.channel_9 + EXCLUDED.channel_9
             RETURNING 1),
         daily AS (
             INSERT INTO cases_stat_received_day AS r (received_on, organisation_uscc, division_code, cases, corrected)
             SELECT s.received_on, s.organisation_uscc, s.division_code, sum(s.cases), sum(s.corrected)
             FROM summed s
             GROUP BY 1, 2, 3
             ORDER BY 1, 2, 3
             ON CONFLICT (received_on, organisation_uscc, division_code) DO UPDATE SET
                 cases = r.cases + EXCLUDED.cases,
                 corrected = r.corrected + EXCLUDED.corrected
             RETURNING 1)
    SELECT coalesce(sum(s.deltas), 0) INTO moved_rows FROM summed s;
    DELETE FROM cases_stat_received WHERE cases = 0;
    DELETE FROM cases_stat_received_month WHERE cases = 0;
    DELETE FROM cases_stat_received_day WHERE cases = 0;
    RETURN moved_rows;
END;
$$ LANGUAGE plpgsql;

-- ------------------------------------------------------------------ recounting everything

-- V39's recount of the daily tables from the cases, kept under a name of its own; the new tables are then summed from
-- the daily rows it has just written, in the same transaction and under its locks.
ALTER FUNCTION cases_statistics_rebuild() RENAME TO cases_statistics_rebuild_daily;

CREATE FUNCTION cases_statistics_rebuild() RETURNS void AS
$$
BEGIN
    PERFORM cases_statistics_rebuild_daily();
    DELETE FROM cases_stat_received_month;
    DELETE FROM cases_stat_received_day;
    DELETE FROM cases_stat_decided_day;
    DELETE FROM cases_stat_decided_month;
    INSERT INTO cases_stat_received_month (received_in, organisation_uscc, division_code, implementation_code,
            item_name, cases, corrected, submitted, correction_requested, refused, withdrawn, under_review, completed,
            delivered, channel_1, channel_2, channel_3, channel_4, channel_9)
    SELECT CAST(date_trunc('month', r.received_on) AS DATE), r.organisation_uscc, r.division_code,
           r.implementation_code, r.item_name, sum(r.cases), sum(r.corrected), sum(r.submitted),
           sum(r.correction_requested), sum(r.refused), sum(r.withdrawn), sum(r.under_review), sum(r.completed),
           sum(r.delivered), sum(r.channel_1), sum(r.channel_2), sum(r.channel_3), sum(r.channel_4), sum(r.channel_9)
    FROM cases_stat_received r
    GROUP BY 1, 2, 3, 4, 5
    ORDER BY 1, 2, 3, 4, 5;
    INSERT INTO cases_stat_received_day (received_on, organisation_uscc, division_code, cases, corrected)
    SELECT r.received_on, r.organisation_uscc, r.division_code, sum(r.cases), sum(r.corrected)
    FROM cases_stat_received r
    GROUP BY 1, 2, 3
    ORDER BY 1, 2, 3;
    INSERT INTO cases_stat_decided_day (decided_on, organisation_uscc, division_code, decided, with_due, on_time)
    SELECT d.decided_on, d.organisation_uscc, d.division_code, sum(d.decided), sum(d.with_due), sum(d.on_time)
    FROM cases_stat_decided d
    GROUP BY 1, 2, 3
    ORDER BY 1, 2, 3;
    INSERT INTO cases_stat_decided_month (decided_in, organisation_uscc, division_code, received_on, decided)
    SELECT CAST(date_trunc('month', d.decided_on) AS DATE), d.organisation_uscc, d.division_code, d.received_on,
           sum(d.decided)
    FROM cases_stat_decided d
    GROUP BY 1, 2, 3, 4
    ORDER BY 1, 2, 3, 4;
END;
$$ LANGUAGE plpgsql;

SELECT cases_statistics_rebuild();
