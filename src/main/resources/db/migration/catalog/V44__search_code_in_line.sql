-- V41 set toast_tuple_target = 128 so that a row's terms go out of line, and kept the columns a search reads in the
-- row with STORAGE MAIN. It left the implementation code EXTENDED: PostgreSQL then moved it out of line too, being
-- the largest column left once the terms were out and the row still above 128 bytes. The result page sorts every
-- match by (rank, name length, name, implementation code), and at province scale thousands of matches share a name,
-- so each comparison fetched two codes from TOAST (eight buffers a fetch): for a long-tail query of 10,703 matches the
-- sort read 86,000 buffers and took 200 of the query's 250 ms (bench/province.sh, docs/BENCHMARKS.md). Every column
-- a search reads stays in the row.
ALTER TABLE catalog_search_entry
    ALTER COLUMN implementation_code SET STORAGE MAIN,
    ALTER COLUMN organisation_uscc SET STORAGE MAIN,
    ALTER COLUMN division_code SET STORAGE MAIN,
    ALTER COLUMN item_type SET STORAGE MAIN,
    ALTER COLUMN exercise_level SET STORAGE MAIN,
    ALTER COLUMN promised_unit SET STORAGE MAIN;

-- Rows already written keep an out-of-line code until they are written again. A new value (not the stored pointer,
-- which an UPDATE would carry over) brings it back into the row. Every index takes a new entry for each row, the GIN
-- index on terms hundreds: at province scale that is a maintenance window's work, which DEPLOYMENT.md describes
-- (CLUSTER, below, which writes every row again by the new rule and in name order); below it, do it now.
DO $$
BEGIN
    IF (SELECT count(*) FROM (SELECT 1 FROM catalog_search_entry LIMIT 50001) AS r) <= 50000 THEN
        UPDATE catalog_search_entry SET implementation_code = implementation_code || '';
    ELSE
        RAISE NOTICE 'catalog_search_entry: over 50,000 rows; run CLUSTER catalog_search_entry USING catalog_search_name_idx in a maintenance window to bring the implementation codes back into the rows (docs/DEPLOYMENT.md)';
    END IF;
END
$$;

-- The entries of one name side by side. At province scale every village implements every item: a substring of an
-- item's name matches ~10,700 entries, which rows written in publishing order scatter over as many pages (one per
-- village's run of entries), so the search read 10,700 pages where 600 hold them. The index orders the rows for
-- CLUSTER catalog_search_entry USING catalog_search_name_idx, run after a bulk load and in a maintenance window
-- (docs/DEPLOYMENT.md); PostgreSQL does not keep the order for rows written later.
CREATE INDEX catalog_search_name_idx ON catalog_search_entry (name, implementation_code);
