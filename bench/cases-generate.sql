-- For bench/cases.sh, part (b): :cases submitted cases put straight into cases_case (and their timeline into
-- cases_step) of the bench's own throwaway database, spread as a province's case load is:
--   * over the demo's published implementation entries that somebody applies for (no 处罚, 强制, 检查), a few
--     entries taking most of the cases (entry rank r drawn as r = n · u³), each with its own organisation and division;
--   * received over the last two years, recent days more often (age = 730 · u²), never today (today's numbers are
--     the live submissions' of part (a));
--   * cases older than 60 days closed but for 1 % (a stale backlog, still 待办); recent ones spread over the steps
--     (受理, 承办, 审核, 审批, 送达, 补正), a few 不予受理 and withdrawn; due dates from the entry's promised (else statutory) limit, some already overdue;
--   * channel mostly online (2), then window (1), the rest self-service, post and other.
-- The applicant's name and the form's values are the SM4 ciphertexts of a case submitted in part (a) (the same for
-- every row: the detail page decrypts and shows them); the applicants are part (a)'s citizens. No Flowable process
-- runs behind these rows: they are read, never acted on. The case number is well formed (division, day, sequence
-- within division and day, ISO/IEC 7064 MOD 37,36 check), so the pages parse it as they parse a real one.
\set ON_ERROR_STOP on
\timing on

CREATE OR REPLACE FUNCTION pg_temp.case_check(digits text) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    p int := 36;
    s int;
BEGIN
    FOR i IN 1..20 LOOP
        s := (p + ascii(substr(digits, i, 1)) - 48) % 36;
        IF s = 0 THEN s := 36; END IF;
        p := (2 * s) % 37;
    END LOOP;
    RETURN substr('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ', (37 - p) % 36 + 1, 1);
END $$;

CREATE TEMP TABLE bench_entry AS
SELECT row_number() OVER (ORDER BY md5(i.implementation_code)) - 1 AS rank,
       i.implementation_code, v.version_no, v.name, b.item_type, i.organisation_uscc, i.division_code,
       CASE WHEN v.guide ->> 'caseKind' = 'IMMEDIATE' THEN '1' ELSE '2' END AS case_kind,
       NULLIF(v.guide #>> '{statutoryLimit,value}', '')::int AS statutory_days,
       NULLIF(v.guide #>> '{promisedLimit,value}', '')::int AS promised_days
FROM catalog_item i
JOIN catalog_item_version v ON v.item_id = i.id AND v.status = 'PUBLISHED'
JOIN catalog_base_item b ON b.base_code = i.base_code
WHERE b.item_type NOT IN ('02', '03', '06');
SELECT count(*) AS entries, count(DISTINCT organisation_uscc) AS organisations, count(DISTINCT division_code) AS divisions
FROM bench_entry;

CREATE TEMP TABLE bench_applicant AS
SELECT row_number() OVER (ORDER BY id) - 1 AS n, id FROM identity_account
WHERE account_type = 'PERSON' AND username LIKE 'bench%';

CREATE TEMP TABLE bench_template AS
SELECT applicant_name, form_values FROM cases_case WHERE status = 'SUBMITTED' AND form_values IS NOT NULL LIMIT 1;

CREATE TEMP TABLE bench_case AS
WITH drawn AS (
    SELECT g,
           (SELECT count(*) FROM bench_entry) AS entries,
           random() AS u_entry, random() AS u_age, random() AS u_state, random() AS u_channel, random() AS u_due
    FROM generate_series(1, :cases) AS g
), placed AS (
    SELECT d.*, e.*,
           current_date - 1 - floor(729 * d.u_age * d.u_age)::int AS received_on
    FROM drawn d
    JOIN bench_entry e ON e.rank = floor(d.entries * d.u_entry * d.u_entry * d.u_entry)::int
)
SELECT p.*,
       CASE
           WHEN current_date - p.received_on > 60 THEN CASE
               WHEN p.u_state < 0.920 THEN 'DELIVERED'
               WHEN p.u_state < 0.950 THEN 'REFUSED'
               WHEN p.u_state < 0.990 THEN 'WITHDRAWN'
               WHEN p.u_state < 0.995 THEN 'COMPLETED'
               ELSE 'UNDER_REVIEW' END
           ELSE CASE
               WHEN p.u_state < 0.14 THEN 'SUBMITTED'
               WHEN p.u_state < 0.18 THEN 'CORRECTION_REQUESTED'
               WHEN p.u_state < 0.50 THEN 'UNDER_REVIEW'
               WHEN p.u_state < 0.60 THEN 'COMPLETED'
               WHEN p.u_state < 0.94 THEN 'DELIVERED'
               WHEN p.u_state < 0.97 THEN 'REFUSED'
               ELSE 'WITHDRAWN' END
       END AS status,
       CASE WHEN p.u_channel < 0.62 THEN '2' WHEN p.u_channel < 0.92 THEN '1' WHEN p.u_channel < 0.97 THEN '3'
            WHEN p.u_channel < 0.99 THEN '4' ELSE '9' END AS channel
FROM placed p;

ALTER TABLE bench_case ADD COLUMN stage text, ADD COLUMN due_on date, ADD COLUMN case_number text;
UPDATE bench_case SET
    stage = CASE status
        WHEN 'SUBMITTED' THEN 'accept'
        WHEN 'CORRECTION_REQUESTED' THEN 'accept'
        WHEN 'COMPLETED' THEN 'deliver'
        WHEN 'UNDER_REVIEW' THEN (ARRAY['undertake', 'audit', 'approve'])[1 + floor(u_state * 1000)::int % 3]
        END,
    -- Working days read as 1.4 calendar days; one case in ten finishes its limit early, so its due date is close.
    due_on = received_on + ceil(1.4 * greatest(coalesce(nullif(promised_days, 0), statutory_days, 20), 1)
                                * (0.6 + 0.8 * u_due))::int;
WITH numbered AS (
    SELECT g, division_code || to_char(received_on, 'YYYYMMDD')
              || lpad((row_number() OVER (PARTITION BY division_code, received_on ORDER BY g))::text, 6, '0') AS digits
    FROM bench_case
)
UPDATE bench_case c SET case_number = n.digits || pg_temp.case_check(n.digits) FROM numbered n WHERE n.g = c.g;

-- The statistics roll-up (V38) is counted once after the load rather than row by row: the insert runs with the
-- triggers that keep it switched off, in one transaction with their switching on and the recount, so that no other
-- change to cases_case can slip in between uncounted (the ALTER holds the table's lock to the end).
BEGIN;
ALTER TABLE cases_case DISABLE TRIGGER cases_stat_case_inserted;
INSERT INTO cases_case (case_number, status, stage, lock_version, channel, applicant_account_id, applicant_name,
                        form_values, implementation_code, item_version, item_name, item_type, organisation_uscc,
                        division_code, case_kind, statutory_days, promised_days, submission_key, received_on, due_on,
                        decision, created_at, updated_at, submitted_at, accepted_at, decided_at, completed_at)
SELECT c.case_number, c.status, c.stage, 2, c.channel, a.id, t.applicant_name, t.form_values, c.implementation_code,
       c.version_no, c.name, c.item_type, c.organisation_uscc, c.division_code, c.case_kind, c.statutory_days,
       c.promised_days, gen_random_uuid(), c.received_on, c.due_on,
       CASE WHEN c.status IN ('COMPLETED', 'DELIVERED') THEN CASE WHEN c.u_due < 0.95 THEN 'APPROVED' ELSE 'DENIED' END END,
       at.submitted, at.submitted + interval '3 days', at.submitted,
       CASE WHEN c.status IN ('UNDER_REVIEW', 'COMPLETED', 'DELIVERED') THEN at.submitted + interval '4 hours' END,
       CASE WHEN c.status IN ('COMPLETED', 'DELIVERED')
            THEN least(at.submitted + (c.due_on - c.received_on) * u_due * interval '1 day', now()) END,
       CASE WHEN c.status = 'DELIVERED'
            THEN least(at.submitted + (c.due_on - c.received_on) * u_due * interval '1 day' + interval '1 day', now()) END
FROM bench_case c
CROSS JOIN bench_template t
JOIN bench_applicant a ON a.n = c.g % (SELECT count(*) FROM bench_applicant)
CROSS JOIN LATERAL (SELECT (c.received_on + time '09:00' + (c.u_channel * interval '8 hours'))
                               AT TIME ZONE 'Asia/Shanghai' AS submitted) at;
ALTER TABLE cases_case ENABLE TRIGGER cases_stat_case_inserted;
SELECT cases_statistics_rebuild();
COMMIT;

-- The timeline: the submission, and acceptance for the cases past it (about 1.7 steps a case).
INSERT INTO cases_step (case_id, at, step, status_after, actor_kind, actor_account, actor_name, opinion_public)
SELECT id, submitted_at, 'submit', 'SUBMITTED', 'APPLICANT', applicant_account_id, '申请人', false
FROM cases_case WHERE case_number LIKE '______2%' AND process_instance_id IS NULL AND submitted_at < current_date;
INSERT INTO cases_step (case_id, at, step, status_after, actor_kind, actor_account, actor_name, opinion_public)
SELECT id, accepted_at, 'accept', 'UNDER_REVIEW', 'STAFF', NULL, '窗口受理人员', true
FROM cases_case WHERE accepted_at IS NOT NULL AND process_instance_id IS NULL;

ANALYZE cases_case;
ANALYZE cases_step;
ANALYZE cases_stat_received;
ANALYZE cases_stat_rating;
ANALYZE cases_stat_rectification;
ANALYZE cases_stat_received_month;
ANALYZE cases_stat_received_day;
ANALYZE cases_stat_decided_day;
ANALYZE cases_stat_decided_month;
SELECT (SELECT count(*) FROM cases_stat_received) AS received_rows,
       (SELECT count(*) FROM cases_stat_received_month) AS received_month_rows,
       (SELECT count(*) FROM cases_stat_received_day) AS received_day_rows,
       (SELECT count(*) FROM cases_stat_decided_day) AS decided_day_rows,
       (SELECT count(*) FROM cases_stat_decided_month) AS decided_month_rows;
SELECT status, count(*) FROM cases_case WHERE process_instance_id IS NULL GROUP BY status ORDER BY 2 DESC;
