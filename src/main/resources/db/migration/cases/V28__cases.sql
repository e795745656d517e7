-- 办件: one row per application from its first draft to delivery. Personal data (the form's values, the applicant's
-- name and identity number) is stored encrypted (SM4-GCM under the platform's field key), never in clear; the
-- applicant's identity number is findable only through its blind index.
CREATE TABLE cases_case (
    id                   BIGSERIAL PRIMARY KEY,
    case_number          VARCHAR(21) UNIQUE CHECK (case_number ~ '^[0-9]{20}[0-9A-Z]$'),
    status               VARCHAR(24) NOT NULL CHECK (status IN (
                             'DRAFT', 'SUBMITTED', 'CORRECTION_REQUESTED', 'REFUSED', 'WITHDRAWN',
                             'UNDER_REVIEW', 'COMPLETED', 'DELIVERED')),
    stage                VARCHAR(24),
    lock_version         INTEGER NOT NULL DEFAULT 0,
    channel              VARCHAR(1) NOT NULL CHECK (channel IN ('1', '2', '3', '4', '9')),
    applicant_account_id BIGINT,
    agent_account_id     BIGINT,
    acting_for_uscc      VARCHAR(18) CHECK (acting_for_uscc ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'),
    registered_by        VARCHAR(100),
    applicant_name       BYTEA,
    applicant_id_index   VARCHAR(64),
    form_values          BYTEA,
    implementation_code  VARCHAR(31) NOT NULL,
    item_version         INTEGER NOT NULL,
    item_name            VARCHAR(200) NOT NULL,
    item_type            VARCHAR(2) NOT NULL,
    organisation_uscc    VARCHAR(18) NOT NULL CHECK (organisation_uscc ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'),
    division_code        VARCHAR(6) NOT NULL CHECK (division_code ~ '^[0-9]{6}$'),
    case_kind            VARCHAR(1) NOT NULL CHECK (case_kind IN ('1', '2')),
    statutory_days       INTEGER,
    promised_days        INTEGER,
    submission_key       UUID UNIQUE,
    received_on          DATE,
    due_on               DATE,
    decision             VARCHAR(8) CHECK (decision IN ('APPROVED', 'DENIED')),
    decision_reason      TEXT,
    process_instance_id  VARCHAR(64),
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    submitted_at         TIMESTAMP WITH TIME ZONE,
    accepted_at          TIMESTAMP WITH TIME ZONE,
    decided_at           TIMESTAMP WITH TIME ZONE,
    completed_at         TIMESTAMP WITH TIME ZONE,
    CHECK ((status = 'DRAFT') = (case_number IS NULL)),
    CHECK (applicant_account_id IS NOT NULL OR registered_by IS NOT NULL)
);

CREATE INDEX cases_case_applicant ON cases_case (applicant_account_id, updated_at DESC);
CREATE INDEX cases_case_agent ON cases_case (agent_account_id, updated_at DESC) WHERE agent_account_id IS NOT NULL;
CREATE INDEX cases_case_workbench ON cases_case (organisation_uscc, status, due_on) WHERE status <> 'DRAFT';
CREATE INDEX cases_case_region ON cases_case (division_code, status, due_on) WHERE status <> 'DRAFT';

-- Sequences of case numbers per division and day: a row lock serialises only submissions of one division and day.
CREATE TABLE cases_number_sequence (
    division_code VARCHAR(6) NOT NULL CHECK (division_code ~ '^[0-9]{6}$'),
    day           DATE NOT NULL,
    last_value    INTEGER NOT NULL,
    PRIMARY KEY (division_code, day)
);

-- The materials of a case, by the guide's material number; a 补正 round adds rows, the superseded ones stay.
CREATE TABLE cases_material (
    id            BIGSERIAL PRIMARY KEY,
    case_id       BIGINT NOT NULL REFERENCES cases_case (id) ON DELETE CASCADE,
    material_no   INTEGER NOT NULL,
    material_name VARCHAR(200) NOT NULL,
    file_key      VARCHAR(100) NOT NULL,
    file_name     VARCHAR(200) NOT NULL,
    file_kind     VARCHAR(8) NOT NULL,
    size_bytes    BIGINT NOT NULL CHECK (size_bytes > 0),
    sm3           VARCHAR(64) NOT NULL CHECK (sm3 ~ '^[0-9a-f]{64}$'),
    round         INTEGER NOT NULL DEFAULT 0,
    superseded    BOOLEAN NOT NULL DEFAULT FALSE,
    uploaded_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX cases_material_case ON cases_material (case_id, material_no);

-- The timeline: every step, who, when, and the opinion where it is public.
CREATE TABLE cases_step (
    id             BIGSERIAL PRIMARY KEY,
    case_id        BIGINT NOT NULL REFERENCES cases_case (id) ON DELETE CASCADE,
    at             TIMESTAMP WITH TIME ZONE NOT NULL,
    step           VARCHAR(32) NOT NULL,
    status_after   VARCHAR(24) NOT NULL,
    actor_kind     VARCHAR(10) NOT NULL CHECK (actor_kind IN ('APPLICANT', 'STAFF', 'SYSTEM')),
    actor_account  BIGINT,
    actor_name     VARCHAR(100) NOT NULL,
    opinion        TEXT,
    opinion_public BOOLEAN NOT NULL DEFAULT FALSE
);

CREATE INDEX cases_step_case ON cases_step (case_id, at);
CREATE INDEX cases_step_actor ON cases_step (actor_account, at DESC) WHERE actor_account IS NOT NULL;

-- 补正告知: what was asked (every item at once) and when it was answered.
CREATE TABLE cases_correction (
    id           BIGSERIAL PRIMARY KEY,
    case_id      BIGINT NOT NULL REFERENCES cases_case (id) ON DELETE CASCADE,
    requested_at TIMESTAMP WITH TIME ZONE NOT NULL,
    requested_by VARCHAR(100) NOT NULL,
    items        TEXT NOT NULL,
    answered_at  TIMESTAMP WITH TIME ZONE
);

CREATE INDEX cases_correction_case ON cases_correction (case_id, requested_at);
