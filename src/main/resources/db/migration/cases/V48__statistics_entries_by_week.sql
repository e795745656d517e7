-- The received cases' groups (department, division, entry, total) without a day's rows for every day at a period's
-- edges (issue 10: for a county's supervisor over the default 90 days the grouping query read ~1,050 of its ~1,320 rows
-- from the 13 days at the edges, and a day holds nearly as many departments, divisions and entries as a month,
-- docs/BENCHMARKS.md). A period's partial months are now read from whole weeks where that reads fewer rows — a week
-- with its days outside the period taken off, as V42 does with months — and from days for the rest
-- (StatisticsQueries.Edges):
--
--   cases_stat_received_week_entry  V38's cases_stat_received summed per week (Monday to Sunday), department, division
--                                   and entry.
--
-- Kept as V47's weeks are: by a row trigger on cases_stat_received that adds what a daily row's change adds (its
-- counts after less its counts before), so that the fold and cases_statistics_rebuild() keep the weeks in their own
-- transaction. A week's row whose cases fall to zero is deleted, as the daily rows are (every other count is then zero
-- too: the statuses and channels partition the cases, and 补正 are among them).

-- Writers of the daily rows wait until the migration commits (see the sums at the end).
LOCK TABLE cases_stat_received IN SHARE ROW EXCLUSIVE MODE;

CREATE TABLE cases_stat_received_week_entry (
    week_of              DATE NOT NULL CHECK (week_of = CAST(date_trunc('week', week_of) AS DATE)),
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
    PRIMARY KEY (week_of, organisation_uscc, division_code, implementation_code, item_name)
);

-- A scope reads the organisation's rows or its region's divisions (as V42's indexes), each with the week.
CREATE INDEX cases_stat_received_week_entry_organisation ON cases_stat_received_week_entry (organisation_uscc, week_of);
CREATE INDEX cases_stat_received_week_entry_division ON cases_stat_received_week_entry (division_code, week_of);

-- A daily row's counts added to its week (p_sign 1) or taken off it (-1).
CREATE FUNCTION cases_stat_add_received_week_entry(r cases_stat_received, p_sign INTEGER) RETURNS void AS
$$
DECLARE
    monday    DATE := CAST(date_trunc('week', r.received_on) AS DATE);
    left_over BIGINT;
BEGIN
    INSERT INTO cases_stat_received_week_entry AS w (week_of, organisation_uscc, division_code, implementation_code,
            item_name, cases, corrected, submitted, correction_requested, refused, withdrawn, under_review, completed,
            delivered, channel_1, channel_2, channel_3, channel_4, channel_9)
    VALUES (monday, r.organisation_uscc, r.division_code, r.implementation_code, r.item_name, p_sign * r.cases,
            p_sign * r.corrected, p_sign * r.submitted, p_sign * r.correction_requested, p_sign * r.refused,
            p_sign * r.withdrawn, p_sign * r.under_review, p_sign * r.completed, p_sign * r.delivered,
            p_sign * r.channel_1, p_sign * r.channel_2, p_sign * r.channel_3, p_sign * r.channel_4,
            p_sign * r.channel_9)
    ON CONFLICT (week_of, organisation_uscc, division_code, implementation_code, item_name) DO UPDATE SET
        cases = w.cases + EXCLUDED.cases,
        corrected = w.corrected + EXCLUDED.corrected,
        submitted = w.submitted + EXCLUDED.submitted,
        correction_requested = w.correction_requested + EXCLUDED.correction_requested,
        refused = w.refused + EXCLUDED.refused,
        withdrawn = w.withdrawn + EXCLUDED.withdrawn,
        under_review = w.under_review + EXCLUDED.under_review,
        completed = w.completed + EXCLUDED.completed,
        delivered = w.delivered + EXCLUDED.delivered,
        channel_1 = w.channel_1 + EXCLUDED.channel_1,
        channel_2 = w.channel_2 + EXCLUDED.channel_2,
        channel_3 = w.channel_3 + EXCLUDED.channel_3,
        channel_4 = w.channel_4 + EXCLUDED.channel_4,
        channel_9 = w.channel_9 + EXCLUDED.channel_9
    RETURNING w.cases INTO left_over;
    IF left_over = 0 THEN
        DELETE FROM cases_stat_received_week_entry w
        WHERE w.week_of = monday AND w.organisation_uscc = r.organisation_uscc AND w.division_code = r.division_code
          AND w.implementation_code = r.implementation_code AND w.item_name = r.item_name AND w.cases = 0;
    END IF;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION cases_stat_received_changed() RETURNS trigger AS
$$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM cases_stat_add_received_week_entry(OLD, -1);
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        PERFORM cases_stat_add_received_week_entry(NEW, 1);
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER cases_stat_received_to_week
    AFTER INSERT OR UPDATE OR DELETE ON cases_stat_received
    FOR EACH ROW EXECUTE FUNCTION cases_stat_received_changed();

-- The weeks of the daily rows already there.
INSERT INTO cases_stat_received_week_entry (week_of, organisation_uscc, division_code, implementation_code, item_name,
        cases, corrected, submitted, correction_requested, refused, withdrawn, under_review, completed, delivered,
        channel_1, channel_2, channel_3, channel_4, channel_9)
SELECT CAST(date_trunc('week', r.received_on) AS DATE), r.organisation_uscc, r.division_code, r.implementation_code,
       r.item_name, sum(r.cases), sum(r.corrected), sum(r.submitted), sum(r.correction_requested), sum(r.refused),
       sum(r.withdrawn), sum(r.under_review), sum(r.completed), sum(r.delivered), sum(r.channel_1), sum(r.channel_2),
       sum(r.channel_3), sum(r.channel_4), sum(r.channel_9)
FROM cases_stat_received r
GROUP BY 1, 2, 3, 4, 5
HAVING sum(r.cases) <> 0
ORDER BY 1, 2, 3, 4, 5;

ANALYZE cases_stat_received_week_entry;
