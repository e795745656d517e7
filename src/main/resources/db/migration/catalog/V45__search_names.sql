-- The distinct names of the searchable entries, with their terms and how many entries carry each. A search ranks the
-- entries whose name holds the query (the exact name, names containing it, names holding all its terms) before the
-- others, and at province scale each name is carried by thousands of entries (one per village): the first page of
-- such a search comes from the few names whose terms hold the query and the first entries of each, through
-- catalog_search_name_idx (SearchIndex), instead of ranking every match. Kept by a trigger, so that every writer of
-- catalog_search_entry keeps it (a bulk load may disable the trigger and fill the table by one GROUP BY instead).
CREATE TABLE catalog_search_name (
    name       VARCHAR(200) PRIMARY KEY,
    name_terms TEXT[]       NOT NULL,
    entries    INTEGER      NOT NULL CHECK (entries > 0)
);
CREATE INDEX catalog_search_name_terms_idx ON catalog_search_name USING gin (name_terms);

INSERT INTO catalog_search_name (name, name_terms, entries)
SELECT name, min(name_terms), count(*) FROM catalog_search_entry GROUP BY name;

CREATE FUNCTION catalog_search_name_count() RETURNS trigger AS $$
BEGIN
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        UPDATE catalog_search_name SET entries = entries - 1 WHERE name = OLD.name AND entries > 1;
        IF NOT FOUND THEN
            DELETE FROM catalog_search_name WHERE name = OLD.name;
        END IF;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO catalog_search_name (name, name_terms, entries) VALUES (NEW.name, NEW.name_terms, 1)
        ON CONFLICT (name) DO UPDATE SET entries = catalog_search_name.entries + 1, name_terms = EXCLUDED.name_terms;
    END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER catalog_search_name_count
    AFTER INSERT OR DELETE OR UPDATE OF name, name_terms ON catalog_search_entry
    FOR EACH ROW EXECUTE FUNCTION catalog_search_name_count();
