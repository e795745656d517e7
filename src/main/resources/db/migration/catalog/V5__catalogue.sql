-- 政务服务事项: base list, implementation entries, their versions (one source, published everywhere) and the
-- search index of published versions.

CREATE TABLE catalog_base_item
(
    base_code  VARCHAR(12)              NOT NULL PRIMARY KEY,
    name       VARCHAR(200)             NOT NULL,
    item_type  CHAR(2)                  NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_by VARCHAR(64)              NOT NULL
);

-- An implementation entry (实施清单): one base item implemented by one organisation at one level.
CREATE TABLE catalog_item
(
    id                  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    implementation_code VARCHAR(31)              NOT NULL UNIQUE,
    base_code           VARCHAR(12)              NOT NULL REFERENCES catalog_base_item (base_code),
    organisation_uscc   VARCHAR(18)              NOT NULL,
    exercise_level      CHAR(1)                  NOT NULL,
    -- The organisation's division when the entry was created: where the entry applies.
    division_code       CHAR(6)                  NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_by          VARCHAR(64)              NOT NULL
);
CREATE INDEX catalog_item_organisation_idx ON catalog_item (organisation_uscc);

-- Every version of an entry. A version is edited only while DRAFT; from then on its name and guide never change.
CREATE TABLE catalog_item_version
(
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    item_id      BIGINT                   NOT NULL REFERENCES catalog_item (id),
    version_no   INT                      NOT NULL,
    status       VARCHAR(12)              NOT NULL
        CHECK (status IN ('DRAFT', 'IN_REVIEW', 'APPROVED', 'PUBLISHED', 'SUPERSEDED', 'WITHDRAWN')),
    name         VARCHAR(200)             NOT NULL,
    guide        JSONB                    NOT NULL,
    change_note  VARCHAR(500),
    created_by   VARCHAR(64)              NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    submitted_by VARCHAR(64),
    submitted_at TIMESTAMP WITH TIME ZONE,
    reviewed_by  VARCHAR(64),
    reviewed_at  TIMESTAMP WITH TIME ZONE,
    review_note  VARCHAR(500),
    published_by VARCHAR(64),
    published_at TIMESTAMP WITH TIME ZONE,
    ended_by     VARCHAR(64),
    ended_at     TIMESTAMP WITH TIME ZONE,
    end_reason   VARCHAR(500),
    UNIQUE (item_id, version_no)
);
-- At most one version being worked on and at most one published version per entry.
CREATE UNIQUE INDEX catalog_item_version_one_working ON catalog_item_version (item_id)
    WHERE status IN ('DRAFT', 'IN_REVIEW', 'APPROVED');
CREATE UNIQUE INDEX catalog_item_version_one_published ON catalog_item_version (item_id) WHERE status = 'PUBLISHED';
CREATE INDEX catalog_item_version_status_idx ON catalog_item_version (status);

-- Published content is immutable, whatever writes to the database.
CREATE FUNCTION catalog_version_immutable() RETURNS trigger AS
$$
BEGIN
    IF OLD.status <> 'DRAFT' AND (NEW.name IS DISTINCT FROM OLD.name OR NEW.guide IS DISTINCT FROM OLD.guide
        OR NEW.version_no IS DISTINCT FROM OLD.version_no OR NEW.item_id IS DISTINCT FROM OLD.item_id) THEN
        RAISE EXCEPTION 'catalogue version % is % and cannot be changed', OLD.id, OLD.status;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER catalog_version_immutable
    BEFORE UPDATE ON catalog_item_version
    FOR EACH ROW EXECUTE FUNCTION catalog_version_immutable();

CREATE FUNCTION catalog_version_no_delete() RETURNS trigger AS
$$
BEGIN
    IF OLD.status <> 'DRAFT' THEN
        RAISE EXCEPTION 'catalogue version % is % and cannot be deleted', OLD.id, OLD.status;
    END IF;
    RETURN OLD;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER catalog_version_no_delete
    BEFORE DELETE ON catalog_item_version
    FOR EACH ROW EXECUTE FUNCTION catalog_version_no_delete();

-- The published version of each live entry, denormalised for search. Terms are the CJK unigrams and bigrams and
-- the Latin/digit words of the entry's texts (see SearchTerms), so that Chinese is found without a segmenter.
CREATE TABLE catalog_search_entry
(
    item_id             BIGINT       NOT NULL PRIMARY KEY REFERENCES catalog_item (id),
    version_id          BIGINT       NOT NULL REFERENCES catalog_item_version (id),
    implementation_code VARCHAR(31)  NOT NULL UNIQUE,
    name                VARCHAR(200) NOT NULL,
    item_type           CHAR(2)      NOT NULL,
    organisation_uscc   VARCHAR(18)  NOT NULL,
    organisation_name   VARCHAR(200) NOT NULL,
    division_code       CHAR(6)      NOT NULL,
    exercise_level      CHAR(1)      NOT NULL,
    online_depth        SMALLINT     NOT NULL,
    visits              SMALLINT     NOT NULL,
    online_application  BOOLEAN      NOT NULL,
    service_objects     TEXT[]       NOT NULL,
    themes              TEXT[]       NOT NULL,
    result_name         VARCHAR(200) NOT NULL,
    promised_value      INT          NOT NULL,
    promised_unit       CHAR(1)      NOT NULL,
    name_terms          TEXT[]       NOT NULL,
    terms               TEXT[]       NOT NULL
);
CREATE INDEX catalog_search_terms_idx ON catalog_search_entry USING gin (terms);
CREATE INDEX catalog_search_organisation_idx ON catalog_search_entry (organisation_uscc);
CREATE INDEX catalog_search_division_idx ON catalog_search_entry (division_code);
CREATE INDEX catalog_search_themes_idx ON catalog_search_entry USING gin (themes);
