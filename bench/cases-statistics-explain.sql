-- The queries of the statistics page (StatisticsQueries over the V38/V42/V43/V47 roll-up tables and V39's deltas) for a
-- supervisor (电子监察, cases.supervise reaching the region) of organisation :org, over the page's default period (the
-- last 90 days by week) — EXPLAIN (ANALYZE, BUFFERS) of each, as DataScope writes the scope: the organisation's own
-- rows or the rows of its division and the divisions below it — and, as the page runs them, without parallel workers.
-- The period's span (StatisticsQueries.Span: whole months from the monthly rows, a partial month's days added, or
-- subtracted from its month where fewer) is worked out here the same way; the page leaves out the arms of empty ranges,
-- which this script keeps (they read no row).
\set ON_ERROR_STOP on
SELECT o.uscc AS org,
       CASE WHEN o.division_code LIKE '__0000' THEN left(o.division_code, 2)
            WHEN o.division_code LIKE '____00' THEN left(o.division_code, 4)
            ELSE o.division_code END || '%' AS region,
       current_date - 89 AS "from", current_date AS "to"
FROM basedata_organisation o WHERE o.uscc = :'org' \gset
WITH p AS (SELECT CAST(:'from' AS DATE) AS f, CAST(:'to' AS DATE) AS t),
     m AS (SELECT f, t, CAST(date_trunc('month', f) AS DATE) AS first, CAST(date_trunc('month', t) AS DATE) AS last FROM p),
     e AS (SELECT m.*, CAST(first + interval '1 month' AS DATE) - first AS first_len,
                  CAST(last + interval '1 month' AS DATE) - last AS last_len,
                  CAST(first + interval '1 month' AS DATE) - f AS head_in, extract(day FROM t)::int AS tail_in
           FROM m)
SELECT CASE WHEN first = last THEN 'same month: not worked out here' END AS note,
       CASE WHEN first_len - head_in < head_in THEN first ELSE CAST(first + interval '1 month' AS DATE) END AS "monthFrom",
       CASE WHEN last_len - tail_in < tail_in THEN last ELSE CAST(last - interval '1 month' AS DATE) END AS "monthTo",
       CASE WHEN first_len - head_in < head_in THEN f ELSE f END AS "add1From",
       CASE WHEN first_len - head_in < head_in THEN f - 1 ELSE CAST(first + interval '1 month' AS DATE) - 1 END AS "add1To",
       CASE WHEN last_len - tail_in < tail_in THEN f ELSE last END AS "add2From",
       CASE WHEN last_len - tail_in < tail_in THEN f - 1 ELSE t END AS "add2To",
       CASE WHEN first_len - head_in < head_in THEN first ELSE f END AS "sub1From",
       CASE WHEN first_len - head_in < head_in THEN f - 1 ELSE f - 1 END AS "sub1To",
       CASE WHEN last_len - tail_in < tail_in THEN t + 1 ELSE f END AS "sub2From",
       CASE WHEN last_len - tail_in < tail_in THEN CAST(last + interval '1 month' AS DATE) - 1 ELSE f - 1 END AS "sub2To"
FROM e \gset
-- The series' weeks and days (StatisticsQueries.Weeks, by week): the Mondays of the weeks wholly in the period, and
-- every day of the period outside them.
WITH s AS (SELECT CAST(g AS DATE) AS d FROM generate_series(CAST(:'from' AS DATE), CAST(:'to' AS DATE), interval '1 day') g),
     w AS (SELECT d FROM s WHERE extract(isodow FROM d) = 1 AND d + 6 <= CAST(:'to' AS DATE))
SELECT '{' || coalesce((SELECT string_agg(CAST(d AS TEXT), ',' ORDER BY d) FROM w), '') || '}' AS mondays,
       '{' || coalesce((SELECT string_agg(CAST(s.d AS TEXT), ',' ORDER BY s.d) FROM s
                        WHERE NOT EXISTS (SELECT 1 FROM w WHERE s.d BETWEEN w.d AND w.d + 6)), '') || '}' AS days \gset
\echo supervisor of :org, region :region, from :from to :to; whole weeks :mondays, days :days; months :monthFrom to :monthTo, added :add1From to :add1To and :add2From to :add2To, subtracted :sub1From to :sub1To and :sub2From to :sub2To
\set scope '(r.organisation_uscc = ' :'org' ' OR (r.division_code LIKE ' :'region' ' AND r.division_code ~ ''^[0-9]{6}$''))'
\set counts 'r.cases, r.corrected, r.submitted, r.correction_requested, r.refused, r.withdrawn, r.under_review, r.completed, r.delivered, r.channel_1, r.channel_2, r.channel_3, r.channel_4, r.channel_9'
\set negated '-r.cases, -r.corrected, -r.submitted, -r.correction_requested, -r.refused, -r.withdrawn, -r.under_review, -r.completed, -r.delivered, -r.channel_1, -r.channel_2, -r.channel_3, -r.channel_4, -r.channel_9'
\set keys 'r.organisation_uscc, r.division_code, r.implementation_code, r.item_name'
\set dkeys 'r.organisation_uscc, r.unscheduled_year'
\set dcounts 'r.decided, r.with_due, r.on_time, r.working_days'
\set dnegated '-r.decided, -r.with_due, -r.on_time, -r.working_days'
BEGIN;
SET LOCAL max_parallel_workers_per_gather = 0;

-- received: by department, division, entry and in total
EXPLAIN (ANALYZE, BUFFERS)
SELECT GROUPING(k.organisation_uscc) AS no_organisation, GROUPING(k.division_code) AS no_division,
       GROUPING(k.implementation_code) AS no_item, k.organisation_uscc, k.division_code, k.implementation_code,
       max(k.item_name) AS item_name, sum(k.cases) AS cases, sum(k.corrected) AS corrected,
       sum(k.submitted) AS submitted, sum(k.correction_requested) AS correction_requested, sum(k.refused) AS refused,
       sum(k.withdrawn) AS withdrawn, sum(k.under_review) AS under_review, sum(k.completed) AS completed,
       sum(k.delivered) AS delivered, sum(k.channel_1) AS channel_1, sum(k.channel_2) AS channel_2,
       sum(k.channel_3) AS channel_3, sum(k.channel_4) AS channel_4, sum(k.channel_9) AS channel_9
FROM (SELECT r.organisation_uscc, r.division_code, r.implementation_code, r.item_name,
             CAST(sum(r.cases) AS BIGINT) AS cases, CAST(sum(r.corrected) AS BIGINT) AS corrected,
             CAST(sum(r.submitted) AS BIGINT) AS submitted,
             CAST(sum(r.correction_requested) AS BIGINT) AS correction_requested,
             CAST(sum(r.refused) AS BIGINT) AS refused, CAST(sum(r.withdrawn) AS BIGINT) AS withdrawn,
             CAST(sum(r.under_review) AS BIGINT) AS under_review, CAST(sum(r.completed) AS BIGINT) AS completed,
             CAST(sum(r.delivered) AS BIGINT) AS delivered, CAST(sum(r.channel_1) AS BIGINT) AS channel_1,
             CAST(sum(r.channel_2) AS BIGINT) AS channel_2, CAST(sum(r.channel_3) AS BIGINT) AS channel_3,
             CAST(sum(r.channel_4) AS BIGINT) AS channel_4, CAST(sum(r.channel_9) AS BIGINT) AS channel_9
      FROM (SELECT :keys, :counts FROM cases_stat_received_month r
            WHERE r.received_in >= :'monthFrom' AND r.received_in <= :'monthTo' AND :scope
            UNION ALL
            SELECT :keys, :counts FROM cases_stat_received r
            WHERE r.received_on >= :'add1From' AND r.received_on <= :'add1To' AND :scope
            UNION ALL
            SELECT :keys, :counts FROM cases_stat_received r
            WHERE r.received_on >= :'add2From' AND r.received_on <= :'add2To' AND :scope
            UNION ALL
            SELECT :keys, :negated FROM cases_stat_received r
            WHERE r.received_on >= :'sub1From' AND r.received_on <= :'sub1To' AND :scope
            UNION ALL
            SELECT :keys, :negated FROM cases_stat_received r
            WHERE r.received_on >= :'sub2From' AND r.received_on <= :'sub2To' AND :scope
            UNION ALL
            SELECT :keys, :counts FROM cases_stat_received_delta r
            WHERE r.received_on >= :'from' AND r.received_on <= :'to' AND :scope) r
      GROUP BY r.organisation_uscc, r.division_code, r.implementation_code, r.item_name
      HAVING sum(r.cases) <> 0) k
GROUP BY GROUPING SETS ((k.organisation_uscc), (k.division_code), (k.implementation_code), ())
HAVING sum(k.cases) <> 0 OR GROUPING(k.organisation_uscc, k.division_code, k.implementation_code) = 7;

-- received over time (V47): the weeks wholly in the period by their Mondays, the other days one by one, and the deltas
EXPLAIN (ANALYZE, BUFFERS)
SELECT r.day, sum(r.cases) AS counted
FROM (SELECT r.week_of AS day, r.cases FROM cases_stat_received_week r
      WHERE r.week_of = ANY (CAST(:'mondays' AS DATE[])) AND :scope
      UNION ALL
      SELECT r.received_on AS day, r.cases FROM cases_stat_received_day r
      WHERE r.received_on = ANY (CAST(:'days' AS DATE[])) AND :scope
      UNION ALL
      SELECT r.received_on AS day, r.cases FROM cases_stat_received_delta r
      WHERE r.received_on >= :'from' AND r.received_on <= :'to' AND :scope) r
GROUP BY r.day
HAVING sum(r.cases) <> 0;

-- decided: per department, with the working days summed (V43), from the span's months and days
EXPLAIN (ANALYZE, BUFFERS)
SELECT r.organisation_uscc, r.unscheduled_year, sum(r.decided) AS decided, sum(r.with_due) AS with_due,
       sum(r.on_time) AS on_time, sum(r.working_days) AS working_days
FROM (SELECT :dkeys, :dcounts FROM cases_stat_decided_month r
      WHERE r.decided_in >= :'monthFrom' AND r.decided_in <= :'monthTo' AND :scope
      UNION ALL
      SELECT :dkeys, :dcounts FROM cases_stat_decided_day r
      WHERE r.decided_on >= :'add1From' AND r.decided_on <= :'add1To' AND :scope
      UNION ALL
      SELECT :dkeys, :dcounts FROM cases_stat_decided_day r
      WHERE r.decided_on >= :'add2From' AND r.decided_on <= :'add2To' AND :scope
      UNION ALL
      SELECT :dkeys, :dnegated FROM cases_stat_decided_day r
      WHERE r.decided_on >= :'sub1From' AND r.decided_on <= :'sub1To' AND :scope
      UNION ALL
      SELECT :dkeys, :dnegated FROM cases_stat_decided_day r
      WHERE r.decided_on >= :'sub2From' AND r.decided_on <= :'sub2To' AND :scope) r
GROUP BY r.organisation_uscc, r.unscheduled_year
HAVING sum(r.decided) <> 0;

-- decided over time (V47), as the received
EXPLAIN (ANALYZE, BUFFERS)
SELECT r.day, sum(r.decided) AS counted
FROM (SELECT r.week_of AS day, r.decided FROM cases_stat_decided_week r
      WHERE r.week_of = ANY (CAST(:'mondays' AS DATE[])) AND :scope
      UNION ALL
      SELECT r.decided_on AS day, r.decided FROM cases_stat_decided_day r
      WHERE r.decided_on = ANY (CAST(:'days' AS DATE[])) AND :scope) r
GROUP BY r.day
HAVING sum(r.decided) <> 0;

EXPLAIN (ANALYZE, BUFFERS)
SELECT r.score, sum(r.ratings) AS ratings
FROM cases_stat_rating r
WHERE r.rated_on >= :'from' AND r.rated_on <= :'to' AND :scope
GROUP BY r.score;

EXPLAIN (ANALYZE, BUFFERS)
SELECT r.organisation_uscc, sum(r.tasks) AS bad,
       sum(CASE WHEN r.status = 'RECTIFIED' THEN r.tasks ELSE 0 END) AS rectified,
       sum(CASE WHEN r.status = 'OPEN' AND r.due_on < :'to' THEN r.tasks ELSE 0 END) AS overdue
FROM cases_stat_rectification r
WHERE r.rated_on >= :'from' AND r.rated_on <= :'to' AND :scope
GROUP BY r.organisation_uscc;
ROLLBACK;
