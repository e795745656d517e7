-- 一件事: several implementation entries applied for once, with one merged form and one list of materials. The
-- definition (members, merged form, field mapping, merged materials) is JSON written only through the catalog's
-- BundleCatalogue, checked by BundleRules against the members' published guides when it is published.
CREATE TABLE catalog_bundle (
    id             BIGSERIAL PRIMARY KEY,
    code           VARCHAR(12)              NOT NULL UNIQUE CHECK (code ~ '^YJS[0-9]{9}$'),
    name           VARCHAR(200)             NOT NULL,
    division_code  VARCHAR(6)               NOT NULL CHECK (division_code ~ '^[0-9]{6}$'),
    status         VARCHAR(12)              NOT NULL CHECK (status IN ('PUBLISHED', 'WITHDRAWN')),
    definition     JSONB                    NOT NULL,
    published_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    published_by   VARCHAR(100)             NOT NULL,
    withdrawn_at   TIMESTAMP WITH TIME ZONE,
    withdrawn_by   VARCHAR(100),
    withdrawn_reason TEXT,
    CHECK ((status = 'WITHDRAWN') = (withdrawn_at IS NOT NULL))
);

CREATE INDEX catalog_bundle_division ON catalog_bundle (division_code, status);
