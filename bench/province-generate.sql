-- For bench/province.sh: turns the plan of bench/ProvinceCatalogue.java (bench_template, bench_org, bench_entry) into
-- rows every page reads: organisations (basedata_organisation), implementation entries (catalog_item), one published
-- version each with its template's name and guide (catalog_item_version), and the search row (catalog_search_entry)
-- with the template's columns and terms: the template's own without organisation and code, those of the generated
-- organisation, and the code's one lower-case word (SearchTerms makes a Latin/digit run one word). Set-based; the
-- search table's indexes are dropped for the load and made again after it, as a bulk load does, and its rows are
-- written in name order, as CLUSTER after a bulk load leaves them.
\set ON_ERROR_STOP on
\timing on
SET maintenance_work_mem = '1GB';
SET max_parallel_maintenance_workers = 2;

INSERT INTO basedata_organisation (uscc, name, division_code, exercise_level, nature)
SELECT uscc, name, division_code, exercise_level, '1' FROM bench_org ORDER BY uscc;

CREATE TEMP TABLE bench_search_template AS
SELECT DISTINCT ON (i.base_code) i.base_code, v.name, v.guide, s.item_type, s.online_level, s.visits,
       s.online_application, s.service_objects, s.themes, s.result_name, s.promised_value, s.promised_unit,
       s.name_terms, t.rest_terms
FROM catalog_item i
JOIN catalog_item_version v ON v.item_id = i.id AND v.status = 'PUBLISHED'
JOIN catalog_search_entry s ON s.item_id = i.id
JOIN bench_template t ON t.base_code = i.base_code
ORDER BY i.base_code, i.implementation_code;

INSERT INTO catalog_item (implementation_code, base_code, organisation_uscc, exercise_level, division_code, created_by)
SELECT e.implementation_code, e.base_code, e.uscc, o.exercise_level, o.division_code, 'province-generator'
FROM bench_entry e JOIN bench_org o ON o.uscc = e.uscc
ORDER BY e.n;

INSERT INTO catalog_item_version (item_id, version_no, status, name, guide, created_by, created_at, updated_at,
                                  submitted_by, submitted_at, reviewed_by, reviewed_at, published_by, published_at)
SELECT i.id, 1, 'PUBLISHED', t.name, t.guide, 'province-generator', now(), now(),
       'province-generator', now(), 'province-generator', now(), 'province-generator', now()
FROM catalog_item i JOIN bench_search_template t ON t.base_code = i.base_code
WHERE i.created_by = 'province-generator'
ORDER BY i.id;

DROP INDEX IF EXISTS catalog_search_terms_region_idx;
DROP INDEX IF EXISTS catalog_search_organisation_idx;
DROP INDEX IF EXISTS catalog_search_division_idx;
DROP INDEX IF EXISTS catalog_search_themes_idx;
DROP INDEX IF EXISTS catalog_search_name_idx;

INSERT INTO catalog_search_entry (item_id, version_id, implementation_code, name, item_type, organisation_uscc,
                                  organisation_name, division_code, exercise_level, online_level, visits,
                                  online_application, service_objects, themes, result_name, promised_value,
                                  promised_unit, name_terms, terms)
SELECT i.id, v.id, i.implementation_code, t.name, t.item_type, o.uscc, o.name, o.division_code, o.exercise_level,
       t.online_level, t.visits, t.online_application, t.service_objects, t.themes, t.result_name, t.promised_value,
       t.promised_unit, t.name_terms,
       ARRAY(SELECT DISTINCT x FROM unnest(t.rest_terms || o.terms || lower(i.implementation_code)) AS x)
FROM catalog_item i
JOIN catalog_item_version v ON v.item_id = i.id AND v.status = 'PUBLISHED'
JOIN bench_search_template t ON t.base_code = i.base_code
JOIN bench_org o ON o.uscc = i.organisation_uscc
WHERE i.created_by = 'province-generator'
-- In the order CLUSTER catalog_search_entry USING catalog_search_name_idx leaves (docs/DEPLOYMENT.md: a bulk load
-- is followed by it): the entries of one name on neighbouring pages.
ORDER BY t.name, i.implementation_code;

CREATE INDEX catalog_search_name_idx ON catalog_search_entry (name, implementation_code);
CREATE INDEX catalog_search_terms_region_idx ON catalog_search_entry USING gin (terms, (ARRAY[CAST(division_code AS TEXT)]));
CREATE INDEX catalog_search_organisation_idx ON catalog_search_entry (organisation_uscc);
CREATE INDEX catalog_search_division_idx ON catalog_search_entry (division_code);
CREATE INDEX catalog_search_themes_idx ON catalog_search_entry USING gin (themes);
DROP TABLE bench_template, bench_org, bench_entry;
VACUUM ANALYZE basedata_organisation;
VACUUM ANALYZE catalog_item;
VACUUM ANALYZE catalog_item_version;
VACUUM ANALYZE catalog_search_entry;
VACUUM ANALYZE catalog_search_name;

SELECT exercise_level, count(*) AS entries, count(DISTINCT organisation_uscc) AS organisations
FROM catalog_search_entry GROUP BY exercise_level ORDER BY exercise_level;
SELECT relname, pg_size_pretty(pg_total_relation_size(oid)) AS total, pg_size_pretty(pg_relation_size(oid)) AS heap
FROM pg_class WHERE relname IN ('catalog_item', 'catalog_item_version', 'catalog_search_entry', 'catalog_search_terms_region_idx')
ORDER BY relname;
