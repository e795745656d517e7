-- The four queries of the statistics page (StatisticsQueries over the V38 roll-up tables and V39's deltas) for a
-- supervisor (电子监察, cases.supervise reaching the region) of organisation :org, over the page's default period (the last 90 days by
-- week) — EXPLAIN (ANALYZE, BUFFERS) of each, as DataScope writes the scope: the organisation's own rows or the rows of
-- its division and the divisions below it.
\set ON_ERROR_STOP on
SELECT o.uscc AS org,
       CASE WHEN o.division_code LIKE '__0000' THEN left(o.division_code, 2)
            WHEN o.division_code LIKE '____00' THEN left(o.division_code, 4)
            ELSE o.division_code END || '%' AS region,
       current_date - 89 AS "from", current_date AS "to"
FROM basedata_organisation o WHERE o.uscc = :'org' \gset
\echo supervisor of :org, region :region, from :from to :to

EXPLAIN (ANALYZE, BUFFERS)
SELECT GROUPING(r.organisation_uscc) AS no_organisation, GROUPING(r.division_code) AS no_division,
       GROUPING(r.implementation_code) AS no_item, GROUPING(r.received_on) AS no_day,
       r.organisation_uscc, r.division_code, r.implementation_code, r.received_on,
       max(r.item_name) AS item_name, sum(r.cases) AS cases, sum(r.corrected) AS corrected,
       sum(r.submitted) AS submitted, sum(r.correction_requested) AS correction_requested,
       sum(r.refused) AS refused, sum(r.withdrawn) AS withdrawn, sum(r.under_review) AS under_review,
       sum(r.completed) AS completed, sum(r.delivered) AS delivered, sum(r.channel_1) AS channel_1,
       sum(r.channel_2) AS channel_2, sum(r.channel_3) AS channel_3, sum(r.channel_4) AS channel_4,
       sum(r.channel_9) AS channel_9
FROM (SELECT received_on, organisation_uscc, division_code, implementation_code, item_name, cases, corrected,
             submitted, correction_requested, refused, withdrawn, under_review, completed, delivered, channel_1,
             channel_2, channel_3, channel_4, channel_9
      FROM cases_stat_received
      UNION ALL
      SELECT received_on, organisation_uscc, division_code, implementation_code, item_name, cases, corrected,
             submitted, correction_requested, refused, withdrawn, under_review, completed, delivered, channel_1,
             channel_2, channel_3, channel_4, channel_9
      FROM cases_stat_received_delta) r
WHERE r.received_on >= :'from' AND r.received_on <= :'to'
  AND (r.organisation_uscc = :'org' OR (r.division_code LIKE :'region' AND r.division_code ~ '^[0-9]{6}$'))
GROUP BY GROUPING SETS ((r.organisation_uscc), (r.division_code), (r.implementation_code), (r.received_on), ())
HAVING sum(r.cases) <> 0
    OR GROUPING(r.organisation_uscc, r.division_code, r.implementation_code, r.received_on) = 15;

EXPLAIN (ANALYZE, BUFFERS)
SELECT r.organisation_uscc, w.day, sum(w.weight) AS weight, sum(w.decided) AS decided,
       sum(w.with_due) AS with_due, sum(w.on_time) AS on_time
FROM cases_stat_decided r
CROSS JOIN LATERAL (VALUES (r.decided_on, r.decided, r.decided, r.with_due, r.on_time),
                           (r.received_on, -r.decided, 0, 0, 0)) AS w (day, weight, decided, with_due, on_time)
WHERE r.decided_on >= :'from' AND r.decided_on <= :'to'
  AND (r.organisation_uscc = :'org' OR (r.division_code LIKE :'region' AND r.division_code ~ '^[0-9]{6}$'))
GROUP BY r.organisation_uscc, w.day;

EXPLAIN (ANALYZE, BUFFERS)
SELECT r.score, sum(r.ratings) AS ratings
FROM cases_stat_rating r
WHERE r.rated_on >= :'from' AND r.rated_on <= :'to'
  AND (r.organisation_uscc = :'org' OR (r.division_code LIKE :'region' AND r.division_code ~ '^[0-9]{6}$'))
GROUP BY r.score;

EXPLAIN (ANALYZE, BUFFERS)
SELECT r.organisation_uscc, sum(r.tasks) AS bad,
       sum(CASE WHEN r.status = 'RECTIFIED' THEN r.tasks ELSE 0 END) AS rectified,
       sum(CASE WHEN r.status = 'OPEN' AND r.due_on < :'to' THEN r.tasks ELSE 0 END) AS overdue
FROM cases_stat_rectification r
WHERE r.rated_on >= :'from' AND r.rated_on <= :'to'
  AND (r.organisation_uscc = :'org' OR (r.division_code LIKE :'region' AND r.division_code ~ '^[0-9]{6}$'))
GROUP BY r.organisation_uscc;
