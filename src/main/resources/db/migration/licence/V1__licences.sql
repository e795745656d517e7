-- 电子证照. Licence types (GB/T 36902 目录信息): the type code is the defining organisation's 统一社会信用代码 and a
-- 3-digit sequence. Fields are the type's 照面信息 in print order, as JSON [{"key","labelZh","labelEn","from","fixed"}],
-- where "from" names the application form fields the value is taken from (the first answered one). The holder rule
-- (JSON {"nameFrom","codeFrom","assignCategory"}) says who holds an entity's licence: the enterprise applied for, the
-- one a form field names, or a new one given a 统一社会信用代码 of the category on issue (a 个体工商户's 营业执照).
CREATE TABLE licence_type (
    code                  VARCHAR(21) PRIMARY KEY CHECK (code ~ '^[0-9A-HJ-NPQRTUWXY]{18}[0-9]{3}$'),
    name_zh               VARCHAR(100) NOT NULL,
    name_en               VARCHAR(200) NOT NULL,
    defining_uscc         VARCHAR(18) NOT NULL CHECK (defining_uscc ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'),
    defining_name         VARCHAR(200) NOT NULL,
    holder_kind           VARCHAR(8) NOT NULL CHECK (holder_kind IN ('PERSON', 'ENTITY')),
    validity_years        INTEGER CHECK (validity_years BETWEEN 1 AND 99),
    layout                VARCHAR(40) NOT NULL,
    fields                TEXT NOT NULL,
    holder_rule           TEXT NOT NULL,
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    CHECK (substr(code, 1, 18) = defining_uscc)
);

-- The catalogue items (by 基本编码) whose result is a licence of the type.
CREATE TABLE licence_type_item (
    type_code  VARCHAR(21) NOT NULL REFERENCES licence_type (code),
    base_code  VARCHAR(31) NOT NULL,
    PRIMARY KEY (type_code, base_code)
);
CREATE UNIQUE INDEX licence_type_item_base ON licence_type_item (base_code);

-- Licence numbers per issuer, type and year: a row lock serialises only the issues of one issuer, type and year.
CREATE TABLE licence_number_sequence (
    issuer_uscc  VARCHAR(18) NOT NULL,
    type_code    VARCHAR(21) NOT NULL,
    year         INTEGER NOT NULL,
    last_value   INTEGER NOT NULL,
    PRIMARY KEY (issuer_uscc, type_code, year)
);

-- One row per version of a licence. A re-issue adds a row with the next version and marks the earlier SUPERSEDED; no
-- row is ever deleted. The holder's code (公民身份号码 or 统一社会信用代码) is sealed (SM4-GCM, field key) and found
-- through its blind index; the masked form is what verification shows. case_number is unique, so a decision
-- delivered twice issues once.
CREATE TABLE licence_licence (
    id                    BIGSERIAL PRIMARY KEY,
    identifier            VARCHAR(120) NOT NULL UNIQUE,
    type_code             VARCHAR(21) NOT NULL REFERENCES licence_type (code),
    number                VARCHAR(40) NOT NULL CHECK (number ~ '^[0-9A-Z]{1,40}$'),
    version               INTEGER NOT NULL CHECK (version BETWEEN 1 AND 999),
    name                  VARCHAR(100) NOT NULL,
    issuer_uscc           VARCHAR(18) NOT NULL CHECK (issuer_uscc ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'),
    issuer_name           VARCHAR(200) NOT NULL,
    issued_on             DATE NOT NULL,
    valid_from            DATE NOT NULL,
    valid_until           DATE,
    division_code         VARCHAR(6) NOT NULL CHECK (division_code ~ '^[0-9]{6}$'),
    holder_name           BYTEA NOT NULL,
    holder_code           BYTEA NOT NULL,
    holder_code_index     VARCHAR(64) NOT NULL,
    holder_code_masked    VARCHAR(40) NOT NULL,
    holder_code_kind      VARCHAR(3) NOT NULL CHECK (holder_code_kind IN ('111', '001')),
    holder_account_id     BIGINT,
    field_values          BYTEA NOT NULL,
    case_number           VARCHAR(21) UNIQUE,
    base_code             VARCHAR(31),
    imported_from         VARCHAR(200),
    status                VARCHAR(12) NOT NULL CHECK (status IN ('VALID', 'REVOKED', 'SUPERSEDED')),
    status_reason         TEXT,
    status_changed_at     TIMESTAMP WITH TIME ZONE,
    file_key              VARCHAR(200) NOT NULL,
    file_sm3              VARCHAR(64) NOT NULL,
    file_size             BIGINT NOT NULL,
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    UNIQUE (type_code, issuer_uscc, number, version),
    CHECK (valid_until IS NULL OR valid_until >= valid_from)
);
CREATE INDEX licence_licence_holder ON licence_licence (holder_code_index, status);
CREATE INDEX licence_licence_account ON licence_licence (holder_account_id) WHERE holder_account_id IS NOT NULL;
CREATE INDEX licence_licence_issuer ON licence_licence (issuer_uscc, created_at DESC);

-- 加注件: notes added to a licence after issue, each with its author, reason and how long it holds.
CREATE TABLE licence_annotation (
    id            BIGSERIAL PRIMARY KEY,
    licence_id    BIGINT NOT NULL REFERENCES licence_licence (id),
    annotated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    author        VARCHAR(100) NOT NULL,
    reason        VARCHAR(500) NOT NULL,
    content       VARCHAR(1000) NOT NULL,
    valid_until   DATE
);
CREATE INDEX licence_annotation_licence ON licence_annotation (licence_id, annotated_at);
