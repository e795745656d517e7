-- A search reads the row of every match to rank it and count it into the facets, and at province scale (1.6 M entries,
-- bench/province.sh) a common word matches hundreds of thousands. The terms of an entry (every unigram and bigram of
-- its guide, hundreds of them) made a row about 1.3 KB, so those scans read ten times the pages they need. Terms are
-- only matched through the GIN index, which answers @> without reading them back: keep them out of line (TOAST) and
-- the columns that ranking, facets and the result page read in the row.
ALTER TABLE catalog_search_entry
    ALTER COLUMN name SET STORAGE MAIN,
    ALTER COLUMN organisation_name SET STORAGE MAIN,
    ALTER COLUMN result_name SET STORAGE MAIN,
    ALTER COLUMN name_terms SET STORAGE MAIN,
    ALTER COLUMN service_objects SET STORAGE MAIN,
    ALTER COLUMN themes SET STORAGE MAIN,
    SET (toast_tuple_target = 128);
-- Rows already written move their terms out when rewritten: rewrite them now.
UPDATE catalog_search_entry SET terms = terms;
