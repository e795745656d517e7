-- The 基本编码 and the 实施编码 have the lengths of the configured code layout (zhengwu.catalog.code-layout.*), which
-- CatalogCodes checks on every code it accepts: their columns no longer fix the default layout's 12 and 31 characters.
-- Widening a character column is a change of the catalogue only; no row is rewritten.
ALTER TABLE catalog_base_item ALTER COLUMN base_code TYPE TEXT;
ALTER TABLE catalog_item ALTER COLUMN base_code TYPE TEXT;
ALTER TABLE catalog_item ALTER COLUMN implementation_code TYPE TEXT;
ALTER TABLE catalog_search_entry ALTER COLUMN implementation_code TYPE TEXT;
