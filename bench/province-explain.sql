-- For bench/province.sh: EXPLAIN (ANALYZE, BUFFERS) of SearchIndex's queries for a common word (:word, a bigram held
-- by the most names) on the province catalogue: the page of results ranking every match, the total and type facet in
-- one hashed pass, the organisation facet in a region (:division and those above it), the page taken from the names,
-- the page in a region, and, for comparison, the page with its window count and the two GROUP BYs of before.
-- Keep in step with SearchIndex.page and counts.
\set ON_ERROR_STOP on
-- As SearchIndex.search sets them for a query with terms (the "before" queries ran with the defaults).
SET work_mem = '32MB';
SET enable_seqscan = off;
SELECT CAST(ARRAY[:'word'] AS TEXT[]) AS terms, :'word' AS text \gset
SELECT string_agg(quote_literal(code), ',') AS divisions FROM (
    WITH RECURSIVE up AS (SELECT code, parent_code FROM basedata_division WHERE code = :'division' AND effective_to IS NULL
                          UNION SELECT d.code, d.parent_code FROM basedata_division d JOIN up ON d.code = up.parent_code
                          WHERE d.effective_to IS NULL)
    SELECT code FROM up) d \gset
SELECT count(*) AS matches FROM catalog_search_entry WHERE terms @> CAST(:'terms' AS TEXT[]);
\echo == page (now)
EXPLAIN (ANALYZE, BUFFERS)
SELECT implementation_code, name, item_type, organisation_uscc, organisation_name, division_code, exercise_level,
       online_level, visits, online_application, result_name, promised_value, promised_unit
FROM catalog_search_entry
WHERE 1 = 1 AND terms @> CAST(:'terms' AS TEXT[])
ORDER BY CASE WHEN lower(name) = :'text' THEN 0 WHEN strpos(lower(name), :'text') > 0 THEN 1
              WHEN name_terms @> CAST(:'terms' AS TEXT[]) THEN 2 WHEN lower(result_name) = :'text' THEN 3
              WHEN strpos(lower(result_name), :'text') > 0 THEN 4 ELSE 5 END,
         char_length(name), name, implementation_code
LIMIT 10 OFFSET 0;
\echo == total and type facet in one hashed pass (now: SearchIndex.countMatches, sorting off as SearchIndex sets it)
SET enable_sort = off;
EXPLAIN (ANALYZE, BUFFERS)
SELECT item_type, count(*) AS every_organisation, count(*) AS n FROM catalog_search_entry
WHERE 1 = 1 AND terms @> CAST(:'terms' AS TEXT[]) GROUP BY item_type;
\echo == the organisation facet in a region (now: run only over at most 2,000 matches)
EXPLAIN (ANALYZE, BUFFERS)
SELECT organisation_uscc, organisation_name, count(*) AS n FROM catalog_search_entry
WHERE 1 = 1 AND terms @> CAST(:'terms' AS TEXT[])
      AND ARRAY[CAST(division_code AS TEXT)] && CAST(ARRAY[:divisions] AS TEXT[])
GROUP BY organisation_uscc, organisation_name ORDER BY n DESC, organisation_name LIMIT 50;
RESET enable_sort;
\echo == the page from the names (now: SearchIndex.firstByName)
EXPLAIN (ANALYZE, BUFFERS)
SELECT e.* FROM (SELECT name, CASE WHEN lower(name) = :'text' THEN 0 WHEN strpos(lower(name), :'text') > 0 THEN 1
                                   ELSE 2 END AS name_rank
                 FROM catalog_search_name WHERE name_terms @> CAST(:'terms' AS TEXT[])) AS n
CROSS JOIN LATERAL (SELECT implementation_code, name, item_type, organisation_uscc, organisation_name, division_code,
                           exercise_level, online_level, visits, online_application, result_name, promised_value,
                           promised_unit
                    FROM catalog_search_entry WHERE 1 = 1 AND name = n.name AND name_terms @> CAST(:'terms' AS TEXT[])
                    ORDER BY implementation_code LIMIT 10) AS e
ORDER BY n.name_rank, char_length(n.name), n.name, e.implementation_code
LIMIT 10 OFFSET 0;
\echo == page in a region (now)
EXPLAIN (ANALYZE, BUFFERS)
SELECT implementation_code, name FROM catalog_search_entry
WHERE 1 = 1 AND terms @> CAST(:'terms' AS TEXT[])
      AND ARRAY[CAST(division_code AS TEXT)] && CAST(ARRAY[:divisions] AS TEXT[])
ORDER BY CASE WHEN lower(name) = :'text' THEN 0 WHEN strpos(lower(name), :'text') > 0 THEN 1
              WHEN name_terms @> CAST(:'terms' AS TEXT[]) THEN 2 WHEN lower(result_name) = :'text' THEN 3
              WHEN strpos(lower(result_name), :'text') > 0 THEN 4 ELSE 5 END,
         char_length(name), name, implementation_code
LIMIT 10;
\echo == before: page with its window count
EXPLAIN (ANALYZE, BUFFERS)
SELECT implementation_code, name, count(*) OVER () AS total FROM catalog_search_entry
WHERE 1 = 1 AND terms @> CAST(:'terms' AS TEXT[])
ORDER BY CASE WHEN lower(name) = :'text' THEN 0 WHEN strpos(lower(name), :'text') > 0 THEN 1
              WHEN name_terms @> CAST(:'terms' AS TEXT[]) THEN 2 WHEN lower(result_name) = :'text' THEN 3
              WHEN strpos(lower(result_name), :'text') > 0 THEN 4 ELSE 5 END,
         char_length(name), name, implementation_code
LIMIT 10 OFFSET 0;
\echo == before: type facet
EXPLAIN (ANALYZE, BUFFERS)
SELECT item_type, count(*) FROM catalog_search_entry WHERE 1 = 1 AND terms @> CAST(:'terms' AS TEXT[]) GROUP BY item_type;
\echo == before: organisation facet
EXPLAIN (ANALYZE, BUFFERS)
SELECT organisation_uscc, organisation_name, count(*) FROM catalog_search_entry
WHERE 1 = 1 AND terms @> CAST(:'terms' AS TEXT[])
GROUP BY organisation_uscc, organisation_name ORDER BY count(*) DESC, organisation_name LIMIT 50;
SELECT pg_size_pretty(pg_relation_size('catalog_search_entry')) AS search_heap,
       pg_size_pretty(pg_total_relation_size('catalog_search_entry')) AS search_total,
       pg_size_pretty(pg_relation_size('catalog_search_terms_region_idx')) AS terms_index;
