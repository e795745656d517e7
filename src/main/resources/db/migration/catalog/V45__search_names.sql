-- The distinct names of the searchable entries, with their terms. A search ranks the entries whose name holds the query
-- (the exact name, names containing it, names holding all its terms) before the others, and at province scale each
-- name is carried by thousands of entries (one per village): the first page of such a search comes from the few names
-- whose terms hold the query and the first entries of each, through catalog_search_name_idx (SearchIndex), instead of
-- ranking every match. Kept by a trigger, so that every writer of catalog_search_entry keeps it. The trigger only adds:
-- a name whose entries are all gone finds none (and is removed with the others in a maintenance window,
-- docs/DEPLOYMENT.md), and no publication waits on another's lock of a name it shares, nor updates a name's row once per
-- entry in a long transaction (an import, an organisation's entries indexed again).
-- Nothing may write an entry between the names' fill and the trigger: other nodes may be running while this one
-- migrates.
LOCK TABLE catalog_search_entry IN SHARE ROW EXCLUSIVE MODE;

CREATE TABLE catalog_search_name (
    name       VARCHAR(200) PRIMARY KEY,
    name_terms TEXT[]       NOT NULL
);
CREATE INDEX catalog_search_name_terms_idx ON catalog_search_name USING gin (name_terms);

INSERT INTO catalog_search_name (name, name_terms)
SELECT name, min(name_terms) FROM catalog_search_entry GROUP BY name;

CREATE FUNCTION catalog_search_name_add() RETURNS trigger AS $$
BEGIN
    INSERT INTO catalog_search_name (name, name_terms) VALUES (NEW.name, NEW.name_terms) ON CONFLICT (name) DO NOTHING;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER catalog_search_name_add
    AFTER INSERT OR UPDATE OF name, name_terms ON catalog_search_entry
    FOR EACH ROW EXECUTE FUNCTION catalog_search_name_add();
