-- The statistics page's cases over time without a row per day for every day of its period (issue 10: the two per-day
-- queries read ~1,300 rows each for a county's supervisor over the default 90 days, a third of the page's PostgreSQL
-- time, docs/BENCHMARKS.md). What the page draws per week or per month is read from weekly rows for every week
-- (Monday to Sunday) that lies wholly in the period and in one of its weeks or months, and from the daily rows of V42
-- and V43 for the days left over at the edges:
--
--   cases_stat_received_week  the received cases per week, department and division (cases_stat_received_day summed);
--   cases_stat_decided_week   the decisions per week of decision, department and division (cases_stat_decided_day
--                             summed over the years without a schedule, which the page's series does not show).
--
-- They are kept from the daily rows themselves, by a trigger on each daily table that adds what a row's change adds
-- (its count after less its count before), so that every way the daily rows are written — the fold, a decision's
-- trigger, the recount after a change of the calendar, cases_statistics_rebuild() — keeps the weeks with them, in the
-- same transaction. A week's row whose count falls to zero is deleted, as the daily rows are.

-- Writers of the daily rows wait until the migration commits (see the sums at the end).
LOCK TABLE cases_stat_received_day, cases_stat_decided_day IN SHARE ROW EXCLUSIVE MODE;

CREATE TABLE cases_stat_received_week (
    week_of           DATE NOT NULL CHECK (week_of = CAST(date_trunc('week', week_of) AS DATE)),
    organisation_uscc VARCHAR(18) NOT NULL,
    division_code     VARCHAR(6) NOT NULL,
    cases             BIGINT NOT NULL,
    PRIMARY KEY (week_of, organisation_uscc, division_code)
);

CREATE TABLE cases_stat_decided_week (
    week_of           DATE NOT NULL CHECK (week_of = CAST(date_trunc('week', week_of) AS DATE)),
    organisation_uscc VARCHAR(18) NOT NULL,
    division_code     VARCHAR(6) NOT NULL,
    decided           BIGINT NOT NULL,
    PRIMARY KEY (week_of, organisation_uscc, division_code)
);

-- A scope reads the organisation's rows or its region's divisions (as V42's indexes), each with the week.
CREATE INDEX cases_stat_received_week_organisation ON cases_stat_received_week (organisation_uscc, week_of);
CREATE INDEX cases_stat_received_week_division ON cases_stat_received_week (division_code, week_of);
CREATE INDEX cases_stat_decided_week_organisation ON cases_stat_decided_week (organisation_uscc, week_of);
CREATE INDEX cases_stat_decided_week_division ON cases_stat_decided_week (division_code, week_of);

CREATE FUNCTION cases_stat_add_received_week(p_day DATE, p_organisation VARCHAR, p_division VARCHAR, p_cases BIGINT)
    RETURNS void AS
$$
DECLARE
    monday    DATE := CAST(date_trunc('week', p_day) AS DATE);
    left_over BIGINT;
BEGIN
    IF p_cases = 0 THEN
        RETURN;
    END IF;
    INSERT INTO cases_stat_received_week AS w (week_of, organisation_uscc, division_code, cases)
    VALUES (monday, p_organisation, p_division, p_cases)
    ON CONFLICT (week_of, organisation_uscc, division_code) DO UPDATE SET cases = w.cases + EXCLUDED.cases
    RETURNING w.cases INTO left_over;
    IF left_over = 0 THEN
        DELETE FROM cases_stat_received_week w
        WHERE w.week_of = monday AND w.organisation_uscc = p_organisation AND w.division_code = p_division
          AND w.cases = 0;
    END IF;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION cases_stat_add_decided_week(p_day DATE, p_organisation VARCHAR, p_division VARCHAR, p_decided BIGINT)
    RETURNS void AS
$$
DECLARE
    monday    DATE := CAST(date_trunc('week', p_day) AS DATE);
    left_over BIGINT;
BEGIN
    IF p_decided = 0 THEN
        RETURN;
    END IF;
    INSERT INTO cases_stat_decided_week AS w (week_of, organisation_uscc, division_code, decided)
    VALUES (monday, p_organisation, p_division, p_decided)
    ON CONFLICT (week_of, organisation_uscc, division_code) DO UPDATE SET decided = w.decided + EXCLUDED.decided
    RETURNING w.decided INTO left_over;
    IF left_over = 0 THEN
        DELETE FROM cases_stat_decided_week w
        WHERE w.week_of = monday AND w.organisation_uscc = p_organisation AND w.division_code = p_division
          AND w.decided = 0;
    END IF;
END;
$$ LANGUAGE plpgsql;

-- A daily row inserted, changed or deleted: its week gains the row's count after and loses its count before (one
-- change of the difference where the row keeps its day, department and division).
CREATE FUNCTION cases_stat_received_day_changed() RETURNS trigger AS
$$
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.received_on = OLD.received_on AND NEW.organisation_uscc = OLD.organisation_uscc
            AND NEW.division_code = OLD.division_code THEN
        PERFORM cases_stat_add_received_week(NEW.received_on, NEW.organisation_uscc, NEW.division_code,
                NEW.cases - OLD.cases);
        RETURN NULL;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM cases_stat_add_received_week(OLD.received_on, OLD.organisation_uscc, OLD.division_code, -OLD.cases);
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        PERFORM cases_stat_add_received_week(NEW.received_on, NEW.organisation_uscc, NEW.division_code, NEW.cases);
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION cases_stat_decided_day_changed() RETURNS trigger AS
$$
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.decided_on = OLD.decided_on AND NEW.organisation_uscc = OLD.organisation_uscc
            AND NEW.division_code = OLD.division_code THEN
        PERFORM cases_stat_add_decided_week(NEW.decided_on, NEW.organisation_uscc, NEW.division_code,
                NEW.decided - OLD.decided);
        RETURN NULL;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM cases_stat_add_decided_week(OLD.decided_on, OLD.organisation_uscc, OLD.division_code, -OLD.decided);
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        PERFORM cases_stat_add_decided_week(NEW.decided_on, NEW.organisation_uscc, NEW.division_code, NEW.decided);
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER cases_stat_received_day_to_week
    AFTER INSERT OR UPDATE OR DELETE ON cases_stat_received_day
    FOR EACH ROW EXECUTE FUNCTION cases_stat_received_day_changed();

CREATE TRIGGER cases_stat_decided_day_to_week
    AFTER INSERT OR UPDATE OR DELETE ON cases_stat_decided_day
    FOR EACH ROW EXECUTE FUNCTION cases_stat_decided_day_changed();

-- The weeks of the daily rows already there. The daily tables are locked against writes from before the triggers
-- exist until the migration commits, so that every change of a daily row is either in these sums or made through the
-- triggers, never both nor neither.
INSERT INTO cases_stat_received_week (week_of, organisation_uscc, division_code, cases)
SELECT CAST(date_trunc('week', d.received_on) AS DATE), d.organisation_uscc, d.division_code, sum(d.cases)
FROM cases_stat_received_day d
GROUP BY 1, 2, 3
HAVING sum(d.cases) <> 0
ORDER BY 1, 2, 3;

INSERT INTO cases_stat_decided_week (week_of, organisation_uscc, division_code, decided)
SELECT CAST(date_trunc('week', d.decided_on) AS DATE), d.organisation_uscc, d.division_code, sum(d.decided)
FROM cases_stat_decided_day d
GROUP BY 1, 2, 3
HAVING sum(d.decided) <> 0
ORDER BY 1, 2, 3;

ANALYZE cases_stat_received_week;
ANALYZE cases_stat_decided_week;
