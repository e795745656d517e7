-- 一件事: one application for a catalogue bundle — one form, one set of materials, one number and receipt — and one
-- branch case (cases_case.bundle_id) per entry taking part, each handled by its own department. The bundle is
-- COMPLETED in the transaction of the step that decides (or otherwise ends) its last open branch.
CREATE TABLE cases_bundle (
    id                   BIGSERIAL PRIMARY KEY,
    bundle_number        VARCHAR(21) UNIQUE CHECK (bundle_number ~ '^[0-9]{20}[0-9A-Z]$'),
    status               VARCHAR(12) NOT NULL CHECK (status IN ('DRAFT', 'SUBMITTED', 'COMPLETED')),
    lock_version         INTEGER NOT NULL DEFAULT 0,
    bundle_code          VARCHAR(12) NOT NULL CHECK (bundle_code ~ '^YJS[0-9]{9}$'),
    bundle_name          VARCHAR(200) NOT NULL,
    division_code        VARCHAR(6) NOT NULL CHECK (division_code ~ '^[0-9]{6}$'),
    applicant_account_id BIGINT NOT NULL,
    applicant_name       BYTEA,
    form_values          BYTEA,
    submission_key       UUID UNIQUE,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    submitted_at         TIMESTAMP WITH TIME ZONE,
    completed_at         TIMESTAMP WITH TIME ZONE,
    CHECK ((status = 'DRAFT') = (bundle_number IS NULL)),
    CHECK ((status = 'COMPLETED') = (completed_at IS NOT NULL))
);

CREATE INDEX cases_bundle_applicant ON cases_bundle (applicant_account_id, updated_at DESC);

-- The files of the merged material list, handed in once; on submission each is recorded against every branch whose
-- entry asks for it (the same file in the store, referred to by each).
CREATE TABLE cases_bundle_material (
    id            BIGSERIAL PRIMARY KEY,
    bundle_id     BIGINT NOT NULL REFERENCES cases_bundle (id) ON DELETE CASCADE,
    material_no   INTEGER NOT NULL,
    material_name VARCHAR(200) NOT NULL,
    file_key      VARCHAR(100) NOT NULL,
    file_name     VARCHAR(200) NOT NULL,
    file_kind     VARCHAR(8) NOT NULL,
    size_bytes    BIGINT NOT NULL CHECK (size_bytes > 0),
    sm3           VARCHAR(64) NOT NULL CHECK (sm3 ~ '^[0-9a-f]{64}$'),
    uploaded_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX cases_bundle_material_bundle ON cases_bundle_material (bundle_id, material_no);

ALTER TABLE cases_case ADD COLUMN bundle_id BIGINT REFERENCES cases_bundle (id);

CREATE INDEX cases_case_bundle ON cases_case (bundle_id) WHERE bundle_id IS NOT NULL;
