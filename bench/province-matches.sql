-- For bench/province.sh: how many entries the long-tail queries match, which is what a search's counting pass reads
-- (SearchIndex.counts visits every match's row). :sample queries of $OUT/province-search-raw.txt (on standard input
-- from the script), those of Chinese characters only, their terms computed as SearchTerms.ofQuery does for them (the
-- overlapping character pairs); "of the names" counts the matches whose name itself holds the terms (the entries of
-- catalog_search_name's names), the rest match in their guides, organisations or results.
\set ON_ERROR_STOP on
SET work_mem = '32MB';
SET enable_seqscan = off;
CREATE TEMP TABLE workload (line text);
\copy workload FROM pstdin (DELIMITER '|')
CREATE TEMP TABLE matched AS
SELECT q, t,
       (SELECT count(*) FROM catalog_search_entry WHERE terms @> t) AS matches,
       (SELECT count(*) FROM catalog_search_entry
        WHERE name IN (SELECT name FROM catalog_search_name WHERE name_terms @> t)) AS of_names
FROM (SELECT q, ARRAY(SELECT DISTINCT substr(q, i, 2) FROM generate_series(1, char_length(q) - 1) AS i) AS t
      FROM (SELECT split_part(line, E'\t', 1) AS q FROM workload) w
      WHERE q ~ '^[一-鿿]{2,}$'
      ORDER BY md5(q) LIMIT :sample) s;
\echo == matches of the long-tail queries (a sample), by size
SELECT CASE WHEN matches < 1000 THEN 'under 1,000' WHEN matches < 20000 THEN '1,000–19,999'
            WHEN matches < 50000 THEN '20,000–49,999' WHEN matches < 100000 THEN '50,000–99,999'
            ELSE '100,000 and more' END AS matches,
       count(*) AS queries, round(100.0 * count(*) / sum(count(*)) OVER (), 1) AS "% of queries",
       min(matches) AS least, max(matches) AS most,
       round(100.0 * sum(matches) / sum(sum(matches)) OVER (), 1) AS "% of rows read",
       round(100.0 * sum(of_names) / nullif(sum(matches), 0), 1) AS "% of the names"
FROM matched GROUP BY 1 ORDER BY min(matches);
SELECT count(*) AS queries, round(avg(matches)) AS "mean matches",
       percentile_disc(0.5) WITHIN GROUP (ORDER BY matches) AS "median matches" FROM matched;
