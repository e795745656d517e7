-- The roll-up of received cases (V38) without a hot row in the submitting transaction. Every submission of an entry
-- on a day counted +1 into the same cases_stat_received row (day, department, division, entry), by an upsert whose
-- row lock lasted to the commit: a popular entry's submissions committed one at a time, whatever else they did not
-- share (docs/BENCHMARKS.md, issue 10). The triggers now append each change as a row of its own to
-- cases_stat_received_delta (an insert locks nothing another submission needs), and cases_statistics_fold(), run
-- every few seconds by the application (StatisticsFold), moves the deltas into cases_stat_received in one short
-- transaction. The page reads both (StatisticsQueries.received), so that its figures stay exact at every moment.

CREATE TABLE cases_stat_received_delta (
    received_on          DATE NOT NULL,
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
    channel_9            BIGINT NOT NULL
);

-- The fold deletes the rows whose count fell to zero (a group exists exactly when a case is in it) through this.
CREATE INDEX cases_stat_received_empty ON cases_stat_received (received_on) WHERE cases = 0;

CREATE OR REPLACE FUNCTION cases_stat_count_received(c cases_case, p_sign INTEGER, p_corrected INTEGER) RETURNS void AS
$$
BEGIN
    IF c.status = 'DRAFT' OR c.received_on IS NULL THEN
        RETURN;
    END IF;
    INSERT INTO cases_stat_received_delta (received_on, organisation_uscc, division_code, implementation_code,
            item_name, cases, corrected, submitted, correction_requested, refused, withdrawn, under_review, completed,
            delivered, channel_1, channel_2, channel_3, channel_4, channel_9)
    VALUES (c.received_on, c.organisation_uscc, c.division_code, c.implementation_code, c.item_name, p_sign,
            p_sign * p_corrected,
            CASE WHEN c.status = 'SUBMITTED' THEN p_sign ELSE 0 END,
            CASE WHEN c.status = 'CORRECTION_REQUESTED' THEN p_sign ELSE 0 END,
            CASE WHEN c.status = 'REFUSED' THEN p_sign ELSE 0 END,
            CASE WHEN c.status = 'WITHDRAWN' THEN p_sign ELSE 0 END,
            CASE WHEN c.status = 'UNDER_REVIEW' THEN p_sign ELSE 0 END,
            CASE WHEN c.status = 'COMPLETED' THEN p_sign ELSE 0 END,
            CASE WHEN c.status = 'DELIVERED' THEN p_sign ELSE 0 END,
            CASE WHEN c.channel = '1' THEN p_sign ELSE 0 END,
            CASE WHEN c.channel = '2' THEN p_sign ELSE 0 END,
            CASE WHEN c.channel = '3' THEN p_sign ELSE 0 END,
            CASE WHEN c.channel = '4' THEN p_sign ELSE 0 END,
            CASE WHEN c.channel = '9' THEN p_sign ELSE 0 END);
END;
$$ LANGUAGE plpgsql;

-- Moves every committed delta into cases_stat_received, summed per row, and deletes the rows left at zero; returns
-- how many deltas it moved. The deltas it does not see (committed after its statement began) stay for the next fold;
-- readers see either the deltas or their sum, never both, the move being one transaction. Fold and recount take the
-- same advisory lock, so that they never write cases_stat_received at once.
CREATE FUNCTION cases_statistics_fold() RETURNS BIGINT AS
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
             RETURNING 1)
    SELECT coalesce(sum(s.deltas), 0) INTO moved_rows FROM summed s;
    DELETE FROM cases_stat_received WHERE cases = 0;
    RETURN moved_rows;
END;
$$ LANGUAGE plpgsql;

-- The recount (V38) also empties the deltas, which it counts afresh from the cases, under the fold's lock.
CREATE OR REPLACE FUNCTION cases_statistics_rebuild() RETURNS void AS
$$
BEGIN
    LOCK TABLE cases_case, cases_correction, cases_rating, cases_rectification IN SHARE MODE;
    PERFORM pg_advisory_xact_lock(hashtext('cases_stat_received'));
    DELETE FROM cases_stat_received_delta;
    DELETE FROM cases_stat_received;
    DELETE FROM cases_stat_decided;
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
    INSERT INTO cases_stat_decided (decided_on, received_on, organisation_uscc, division_code, decided, with_due,
            on_time)
    SELECT x.decided_on, x.received_on, x.organisation_uscc, x.division_code, count(*),
           count(*) FILTER (WHERE x.due_on IS NOT NULL),
           count(*) FILTER (WHERE x.due_on IS NOT NULL AND x.decided_on <= x.due_on)
    FROM (SELECT CAST(c.decided_at AT TIME ZONE 'Asia/Shanghai' AS DATE) AS decided_on, c.received_on,
                 c.organisation_uscc, c.division_code, c.due_on
          FROM cases_case c
          WHERE c.decision IS NOT NULL AND c.decided_at IS NOT NULL AND c.received_on IS NOT NULL) x
    GROUP BY x.decided_on, x.organisation_uscc, x.division_code, x.received_on
    ORDER BY x.decided_on, x.organisation_uscc, x.division_code, x.received_on;
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
