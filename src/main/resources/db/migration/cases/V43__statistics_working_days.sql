-- The working days from receipt to decision summed into the decisions' roll-ups (issue 10), so that the statistics
-- page reads a department's decisions as a few monthly and daily rows instead of one row per day of receipt.
--
-- cases_working_day is this module's copy of the working-day calendar (shared.calendar's WorkingDays, written by
-- WorkingDayTable at start and after every CalendarChanged): one row per day of every year that has a schedule, with
-- the working days of its run of consecutive scheduled years before it. The working days after one day up to and
-- including another are then the difference of two rows, when both years and every year between are scheduled; when
-- not, the earliest year without a schedule is kept instead, as WorkingDays would name it.
--
-- V42's decision tables, which kept the day of receipt so that the page could count working days itself, are replaced
-- by tables keyed by the day (or month) of decision, department, division and that unscheduled year (0 when every
-- year was scheduled), carrying the sum of the working days; V38's per-receipt table is no longer read and goes.

CREATE TABLE cases_working_day (
    day           DATE PRIMARY KEY,
    segment_start DATE NOT NULL,
    before_day    INTEGER NOT NULL CHECK (before_day >= 0),
    working       SMALLINT NOT NULL CHECK (working IN (0, 1))
);

-- The working days after p_from up to and including p_to (negative when p_to is before p_from, as many as after p_to
-- up to p_from); or, when a year those days fall in has no schedule, null and the earliest such year: the year of the
-- first day counted when it has none, else the year after the end of that day's run of scheduled years.
CREATE FUNCTION cases_working_days_between(p_from DATE, p_to DATE, OUT days INTEGER, OUT unscheduled_year INTEGER) AS
$$
DECLARE
    v_lo    DATE;
    v_hi    DATE;
    v_first cases_working_day;
    v_last  cases_working_day;
BEGIN
    IF p_from = p_to THEN
        days := 0;
        RETURN;
    END IF;
    v_lo := least(p_from, p_to);
    v_hi := greatest(p_from, p_to);
    SELECT * INTO v_first FROM cases_working_day w WHERE w.day = v_lo + 1;
    SELECT * INTO v_last FROM cases_working_day w WHERE w.day = v_hi;
    IF v_first.day IS NOT NULL AND v_last.day IS NOT NULL AND v_first.segment_start = v_last.segment_start THEN
        days := v_last.before_day + v_last.working - v_first.before_day;
        IF p_to < p_from THEN
            days := -days;
        END IF;
    ELSIF v_first.day IS NULL THEN
        unscheduled_year := CAST(EXTRACT(YEAR FROM v_lo + 1) AS INTEGER);
    ELSE
        SELECT CAST(EXTRACT(YEAR FROM max(w.day)) AS INTEGER) + 1 INTO unscheduled_year
        FROM cases_working_day w WHERE w.segment_start = v_first.segment_start;
    END IF;
END;
$$ LANGUAGE plpgsql STABLE;

DROP TABLE cases_stat_decided;
DROP TABLE cases_stat_decided_day;
DROP TABLE cases_stat_decided_month;

CREATE TABLE cases_stat_decided_day (
    decided_on        DATE NOT NULL,
    organisation_uscc VARCHAR(18) NOT NULL,
    division_code     VARCHAR(6) NOT NULL,
    unscheduled_year  INTEGER NOT NULL,
    decided           BIGINT NOT NULL,
    with_due          BIGINT NOT NULL,
    on_time           BIGINT NOT NULL,
    working_days      BIGINT NOT NULL,
    PRIMARY KEY (decided_on, organisation_uscc, division_code, unscheduled_year)
);

CREATE TABLE cases_stat_decided_month (
    decided_in        DATE NOT NULL CHECK (decided_in = CAST(date_trunc('month', decided_in) AS DATE)),
    organisation_uscc VARCHAR(18) NOT NULL,
    division_code     VARCHAR(6) NOT NULL,
    unscheduled_year  INTEGER NOT NULL,
    decided           BIGINT NOT NULL,
    with_due          BIGINT NOT NULL,
    on_time           BIGINT NOT NULL,
    working_days      BIGINT NOT NULL,
    PRIMARY KEY (decided_in, organisation_uscc, division_code, unscheduled_year)
);

CREATE INDEX cases_stat_decided_day_organisation ON cases_stat_decided_day (organisation_uscc, decided_on);
CREATE INDEX cases_stat_decided_day_division ON cases_stat_decided_day (division_code, decided_on);
CREATE INDEX cases_stat_decided_month_organisation ON cases_stat_decided_month (organisation_uscc, decided_in);
CREATE INDEX cases_stat_decided_month_division ON cases_stat_decided_month (division_code, decided_in);

-- A decided case counted (p_sign 1) or taken out (-1) on its day and month of decision, with its working days.
CREATE OR REPLACE FUNCTION cases_stat_count_decided(c cases_case, p_sign INTEGER) RETURNS void AS
$$
DECLARE
    decided_day DATE;
    decided_mon DATE;
    v_with_due  INTEGER;
    v_on_time   INTEGER;
    v_days      INTEGER;
    v_year      INTEGER;
    left_over   BIGINT;
BEGIN
    IF c.decision IS NULL OR c.decided_at IS NULL OR c.received_on IS NULL THEN
        RETURN;
    END IF;
    decided_day := CAST(c.decided_at AT TIME ZONE 'Asia/Shanghai' AS DATE);
    decided_mon := CAST(date_trunc('month', decided_day) AS DATE);
    v_with_due := CASE WHEN c.due_on IS NULL THEN 0 ELSE p_sign END;
    v_on_time := CASE WHEN c.due_on IS NOT NULL AND decided_day <= c.due_on THEN p_sign ELSE 0 END;
    SELECT w.days, w.unscheduled_year INTO v_days, v_year FROM cases_working_days_between(c.received_on, decided_day) w;
    v_days := p_sign * coalesce(v_days, 0);
    v_year := coalesce(v_year, 0);

    INSERT INTO cases_stat_decided_day AS d (decided_on, organisation_uscc, division_code, unscheduled_year, decided,
            with_due, on_time, working_days)
    VALUES (decided_day, c.organisation_uscc, c.division_code, v_year, p_sign, v_with_due, v_on_time, v_days)
    ON CONFLICT (decided_on, organisation_uscc, division_code, unscheduled_year) DO UPDATE SET
        decided = d.decided + EXCLUDED.decided,
        with_due = d.with_due + EXCLUDED.with_due,
        on_time = d.on_time + EXCLUDED.on_time,
        working_days = d.working_days + EXCLUDED.working_days
    RETURNING d.decided INTO left_over;
    IF left_over = 0 THEN
        DELETE FROM cases_stat_decided_day d
        WHERE d.decided_on = decided_day AND d.organisation_uscc = c.organisation_uscc
          AND d.division_code = c.division_code AND d.unscheduled_year = v_year AND d.decided = 0;
    END IF;

    INSERT INTO cases_stat_decided_month AS d (decided_in, organisation_uscc, division_code, unscheduled_year, decided,
            with_due, on_time, working_days)
    VALUES (decided_mon, c.organisation_uscc, c.division_code, v_year, p_sign, v_with_due, v_on_time, v_days)
    ON CONFLICT (decided_in, organisation_uscc, division_code, unscheduled_year) DO UPDATE SET
        decided = d.decided + EXCLUDED.decided,
        with_due = d.with_due + EXCLUDED.with_due,
        on_time = d.on_time + EXCLUDED.on_time,
        working_days = d.working_days + EXCLUDED.working_days
    RETURNING d.decided INTO left_over;
    IF left_over = 0 THEN
        DELETE FROM cases_stat_decided_month d
        WHERE d.decided_in = decided_mon AND d.organisation_uscc = c.organisation_uscc
          AND d.division_code = c.division_code AND d.unscheduled_year = v_year AND d.decided = 0;
    END IF;
END;
$$ LANGUAGE plpgsql;

-- The decisions whose days counted touch the days from p_from to p_to — received and decided on either side of a day
-- among them — added to the decisions' roll-ups (p_sign 1) or taken out of them (-1), their working days counted on
-- cases_working_day as it is now: cases_working_days_between's count, set-based. WorkingDayTable takes a change of the
-- calendar's days out on the old copy and adds it back on the new, under a SHARE lock of cases_case so that no
-- decision changes between the two; the recount below adds every decision to empty tables.
CREATE FUNCTION cases_stat_count_decisions_touching(p_from DATE, p_to DATE, p_sign INTEGER) RETURNS void AS
$$
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('cases_working_day'));
    CREATE TEMPORARY TABLE cases_decisions_touching ON COMMIT DROP AS
    SELECT x.decided_on, x.organisation_uscc, x.division_code, x.due_on,
           CASE WHEN x.received_on = x.decided_on THEN 0
                WHEN a.segment_start = b.segment_start
                    THEN (b.before_day + b.working - a.before_day)
                         * CASE WHEN x.decided_on < x.received_on THEN -1 ELSE 1 END
           END AS days,
           CASE WHEN x.received_on = x.decided_on OR a.segment_start = b.segment_start THEN 0
                WHEN a.day IS NULL THEN CAST(EXTRACT(YEAR FROM least(x.received_on, x.decided_on) + 1) AS INTEGER)
                ELSE (SELECT CAST(EXTRACT(YEAR FROM max(w.day)) AS INTEGER) + 1
                      FROM cases_working_day w WHERE w.segment_start = a.segment_start)
           END AS unscheduled_year
    FROM (SELECT CAST(c.decided_at AT TIME ZONE 'Asia/Shanghai' AS DATE) AS decided_on, c.received_on,
                 c.organisation_uscc, c.division_code, c.due_on
          FROM cases_case c
          WHERE c.decision IS NOT NULL AND c.decided_at IS NOT NULL AND c.received_on IS NOT NULL) x
    LEFT JOIN cases_working_day a ON a.day = least(x.received_on, x.decided_on) + 1
    LEFT JOIN cases_working_day b ON b.day = greatest(x.received_on, x.decided_on)
    WHERE least(x.received_on, x.decided_on) < p_to AND greatest(x.received_on, x.decided_on) >= p_from;

    INSERT INTO cases_stat_decided_day AS d (decided_on, organisation_uscc, division_code, unscheduled_year, decided,
            with_due, on_time, working_days)
    SELECT x.decided_on, x.organisation_uscc, x.division_code, x.unscheduled_year, p_sign * count(*),
           p_sign * count(*) FILTER (WHERE x.due_on IS NOT NULL),
           p_sign * count(*) FILTER (WHERE x.due_on IS NOT NULL AND x.decided_on <= x.due_on),
           p_sign * coalesce(sum(x.days), 0)
    FROM cases_decisions_touching x
    GROUP BY 1, 2, 3, 4
    ORDER BY 1, 2, 3, 4
    ON CONFLICT (decided_on, organisation_uscc, division_code, unscheduled_year) DO UPDATE SET
        decided = d.decided + EXCLUDED.decided,
        with_due = d.with_due + EXCLUDED.with_due,
        on_time = d.on_time + EXCLUDED.on_time,
        working_days = d.working_days + EXCLUDED.working_days;
    INSERT INTO cases_stat_decided_month AS d (decided_in, organisation_uscc, division_code, unscheduled_year, decided,
            with_due, on_time, working_days)
    SELECT CAST(date_trunc('month', x.decided_on) AS DATE), x.organisation_uscc, x.division_code, x.unscheduled_year,
           p_sign * count(*),
           p_sign * count(*) FILTER (WHERE x.due_on IS NOT NULL),
           p_sign * count(*) FILTER (WHERE x.due_on IS NOT NULL AND x.decided_on <= x.due_on),
           p_sign * coalesce(sum(x.days), 0)
    FROM cases_decisions_touching x
    GROUP BY 1, 2, 3, 4
    ORDER BY 1, 2, 3, 4
    ON CONFLICT (decided_in, organisation_uscc, division_code, unscheduled_year) DO UPDATE SET
        decided = d.decided + EXCLUDED.decided,
        with_due = d.with_due + EXCLUDED.with_due,
        on_time = d.on_time + EXCLUDED.on_time,
        working_days = d.working_days + EXCLUDED.working_days;
    DELETE FROM cases_stat_decided_day WHERE decided = 0;
    DELETE FROM cases_stat_decided_month WHERE decided = 0;
    DROP TABLE cases_decisions_touching;
END;
$$ LANGUAGE plpgsql;

-- Every decision counted again from the cases, on the calendar as cases_working_day has it now (the recount below and
-- the migration); the cases are locked against change meanwhile, and other recounts and WorkingDayTable wait.
CREATE FUNCTION cases_statistics_recount_decisions() RETURNS void AS
$$
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('cases_working_day'));
    LOCK TABLE cases_case IN SHARE MODE;
    DELETE FROM cases_stat_decided_day;
    DELETE FROM cases_stat_decided_month;
    PERFORM cases_stat_count_decisions_touching(DATE '0001-01-01', DATE '9999-12-31', 1);
END;
$$ LANGUAGE plpgsql;

-- V39's recount of the daily tables without the per-receipt decisions table (gone above), and V42's without the
-- decisions' tables, which the recount of the decisions now writes.
CREATE OR REPLACE FUNCTION cases_statistics_rebuild_daily() RETURNS void AS
$$
BEGIN
    LOCK TABLE cases_case, cases_correction, cases_rating, cases_rectification IN SHARE MODE;
    PERFORM pg_advisory_xact_lock(hashtext('cases_stat_received'));
    DELETE FROM cases_stat_received_delta;
    DELETE FROM cases_stat_received;
    DELETE FROM cases_stat_rating;
    DELETE FROM cases_stat_rectification;
    INSERT INTO cases_stat_received (received_on, organisation_uscc, division_code, implementation_code, item_name,
            cases, corrected, submitted, correction_requested, refused, withdrawn, under_review, completed, delivered,
            channel_1, channel_2, channel_3, channel_4, channel_9)
    SELECT c.received_on, c.organisation_uscc, c.division_code, c.implementation_code, c.item_name, count(*),
           count(*) FILTER (WHERE EXISTS (SELECT 1 FROM cases_correction k WHERE k.case_id = c.id)),
           count(*) FILTER (WHERE c.status = 'SUBMITTED'),
           count(*) FILTER (WHERE c.status = 'CORRECTION_REQUESTED'),
           count(*) FILTER (WHERE c.status = 'REFUSED'),
           count(*) FILTER (WHERE c.status = 'WITHDRAWN'),
           count(*) FILTER (WHERE c.status = 'UNDER_REVIEW'),
           count(*) FILTER (WHERE c.status = 'COMPLETED'),
           count(*) FILTER (WHERE c.status = 'DELIVERED'),
           count(*) FILTER (WHERE c.channel = '1'),
           count(*) FILTER (WHERE c.channel = '2'),
           count(*) FILTER (WHERE c.channel = '3'),
           count(*) FILTER (WHERE c.channel = '4'),
           count(*) FILTER (WHERE c.channel = '9')
    FROM cases_case c
    WHERE c.status <> 'DRAFT' AND c.received_on IS NOT NULL
    GROUP BY c.received_on, c.organisation_uscc, c.division_code, c.implementation_code, c.item_name
    ORDER BY c.received_on, c.organisation_uscc, c.division_code, c.implementation_code, c.item_name;
    INSERT INTO cases_stat_rating (rated_on, organisation_uscc, division_code, score, ratings)
    SELECT CAST(r.rated_at AT TIME ZONE 'Asia/Shanghai' AS DATE), c.organisation_uscc, c.division_code, r.score,
           count(*)
    FROM cases_rating r JOIN cases_case c ON c.id = r.case_id
    GROUP BY 1, 2, 3, 4;
    INSERT INTO cases_stat_rectification (rated_on, organisation_uscc, division_code, status, due_on, tasks)
    SELECT CAST(r.rated_at AT TIME ZONE 'Asia/Shanghai' AS DATE), t.organisation_uscc, t.division_code, t.status,
           coalesce(t.due_on, DATE 'infinity'), count(*)
    FROM cases_rectification t JOIN cases_rating r ON r.id = t.rating_id
    GROUP BY 1, 2, 3, 4, 5;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION cases_statistics_rebuild() RETURNS void AS
$$
BEGIN
    PERFORM cases_statistics_rebuild_daily();
    PERFORM cases_statistics_recount_decisions();
    DELETE FROM cases_stat_received_month;
    DELETE FROM cases_stat_received_day;
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
END;
$$ LANGUAGE plpgsql;

-- The decisions' tables are left empty here: WorkingDayTable, finding its copy of the calendar empty at the
-- application's start, writes it and then counts every decision into them (cases_statistics_recount_decisions).
