-- 用证授权: a holder lets a department (by 统一社会信用代码) use one of their licences — for any of its cases or for
-- one case — until a day; the holder may withdraw it. An authorisation covers the licence (type, issuer, number)
-- whatever its version, so a re-issue does not end it.
CREATE TABLE licence_authorisation (
    id                BIGSERIAL PRIMARY KEY,
    type_code         VARCHAR(21) NOT NULL,
    issuer_uscc       VARCHAR(18) NOT NULL,
    number            VARCHAR(40) NOT NULL,
    grantee_uscc      VARCHAR(18) NOT NULL CHECK (grantee_uscc ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'),
    grantee_name      VARCHAR(200) NOT NULL,
    case_number       VARCHAR(21) CHECK (case_number ~ '^[0-9]{20}[0-9A-Z]$'),
    scope             VARCHAR(8) NOT NULL CHECK (scope IN ('FIELDS', 'FILE')),
    valid_until       DATE NOT NULL,
    granted_by        BIGINT NOT NULL,
    granted_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    withdrawn_at      TIMESTAMP WITH TIME ZONE
);
CREATE INDEX licence_authorisation_licence ON licence_authorisation (type_code, issuer_uscc, number);
CREATE INDEX licence_authorisation_grantee ON licence_authorisation (grantee_uscc, valid_until) WHERE withdrawn_at IS NULL;

-- Every use of a licence by someone other than its holder: who, of which organisation, when, for which case, under
-- which authorisation. The holder sees them all.
CREATE TABLE licence_use (
    id                BIGSERIAL PRIMARY KEY,
    licence_id        BIGINT NOT NULL REFERENCES licence_licence (id),
    authorisation_id  BIGINT REFERENCES licence_authorisation (id),
    used_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    user_name         VARCHAR(100) NOT NULL,
    user_display      VARCHAR(100) NOT NULL,
    organisation_uscc VARCHAR(18),
    case_number       VARCHAR(21),
    what              VARCHAR(8) NOT NULL CHECK (what IN ('FIELDS', 'FILE'))
);
CREATE INDEX licence_use_licence ON licence_use (licence_id, used_at DESC);
