-- 统一身份认证: natural persons and staff share one account table; enterprises act through natural persons.

ALTER TABLE identity_account DROP CONSTRAINT identity_account_account_type_check;
ALTER TABLE identity_account ADD CONSTRAINT identity_account_account_type_check
    CHECK (account_type IN ('STAFF', 'PERSON'));
ALTER TABLE identity_account
    ADD COLUMN subject_id         UUID,
    ADD COLUMN mobile             VARCHAR(20),
    ADD COLUMN email              VARCHAR(200),
    -- 公民身份号码: SM4-GCM ciphertext, and an HMAC-SM3 blind index to find it; never in clear.
    ADD COLUMN id_number_cipher   BYTEA,
    ADD COLUMN id_number_index    CHAR(64),
    ADD COLUMN real_name_level    SMALLINT                 NOT NULL DEFAULT 1 CHECK (real_name_level BETWEEN 1 AND 4),
    ADD COLUMN mobile_verified_at TIMESTAMP WITH TIME ZONE,
    ADD COLUMN in_person_by       VARCHAR(64),
    ADD COLUMN in_person_at       TIMESTAMP WITH TIME ZONE,
    ADD COLUMN mfa_secret_cipher  BYTEA,
    ADD COLUMN mfa_enrolled_at    TIMESTAMP WITH TIME ZONE,
    -- The last TOTP time step accepted: a code is never accepted twice.
    ADD COLUMN mfa_last_step      BIGINT,
    ADD COLUMN locked_until       TIMESTAMP WITH TIME ZONE,
    -- The enterprise a person currently acts for (claim acting_enterprise of their tokens).
    ADD COLUMN acting_enterprise_id BIGINT;
UPDATE identity_account SET subject_id = md5(random()::text || id::text)::uuid WHERE subject_id IS NULL;
ALTER TABLE identity_account ALTER COLUMN subject_id SET NOT NULL;
CREATE UNIQUE INDEX identity_account_subject_idx ON identity_account (subject_id);
CREATE UNIQUE INDEX identity_account_mobile_idx ON identity_account (mobile) WHERE mobile IS NOT NULL;
CREATE UNIQUE INDEX identity_account_id_number_idx ON identity_account (id_number_index) WHERE id_number_index IS NOT NULL;

-- The last passwords of each account, so that none of the last five is used again.
CREATE TABLE identity_password_history
(
    account_id    BIGINT                   NOT NULL REFERENCES identity_account (id) ON DELETE CASCADE,
    password_hash VARCHAR(255)             NOT NULL,
    changed_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX identity_password_history_idx ON identity_password_history (account_id, changed_at DESC);

-- Failed sign-ins, by what was typed and by address: account lockout and per-address rate limit.
CREATE TABLE identity_sign_in_failure
(
    login_key  VARCHAR(100)             NOT NULL,
    client_ip  VARCHAR(64)              NOT NULL,
    failed_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX identity_sign_in_failure_key_idx ON identity_sign_in_failure (login_key, failed_at);
CREATE INDEX identity_sign_in_failure_ip_idx ON identity_sign_in_failure (client_ip, failed_at);

-- One-time codes (password reset, mobile verification): only a hash is kept; each is used once.
CREATE TABLE identity_one_time_code
(
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id BIGINT                   NOT NULL REFERENCES identity_account (id) ON DELETE CASCADE,
    purpose    VARCHAR(30)              NOT NULL,
    code_hash  CHAR(64)                 NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    attempts   SMALLINT                 NOT NULL DEFAULT 0,
    used_at    TIMESTAMP WITH TIME ZONE,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX identity_one_time_code_idx ON identity_one_time_code (account_id, purpose, created_at DESC);

-- Development only: messages that would have been sent, for an administrator to read.
CREATE TABLE identity_notification_outbox
(
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    channel    VARCHAR(10)              NOT NULL,
    recipient  VARCHAR(200)             NOT NULL,
    subject    VARCHAR(200)             NOT NULL,
    body       VARCHAR(2000)            NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- TOTP recovery codes, hashed; each works once.
CREATE TABLE identity_recovery_code
(
    account_id BIGINT                   NOT NULL REFERENCES identity_account (id) ON DELETE CASCADE,
    code_hash  CHAR(64)                 NOT NULL,
    used_at    TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (account_id, code_hash)
);

-- Enterprises (法人) and the natural persons who act for them.
CREATE TABLE identity_enterprise
(
    id                    BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    uscc                  VARCHAR(18)              NOT NULL UNIQUE,
    name                  VARCHAR(200)             NOT NULL,
    representative_id     BIGINT                   NOT NULL REFERENCES identity_account (id),
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE TABLE identity_agent_grant
(
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    enterprise_id BIGINT                   NOT NULL REFERENCES identity_enterprise (id),
    agent_id      BIGINT                   NOT NULL REFERENCES identity_account (id),
    scope         VARCHAR(200)             NOT NULL,
    valid_from    DATE                     NOT NULL,
    valid_to      DATE                     NOT NULL,
    granted_by    BIGINT                   NOT NULL REFERENCES identity_account (id),
    granted_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at    TIMESTAMP WITH TIME ZONE,
    CHECK (valid_to >= valid_from)
);
CREATE INDEX identity_agent_grant_agent_idx ON identity_agent_grant (agent_id);

-- Roles and what they permit; accounts hold roles (identity_account_role).
CREATE TABLE identity_role
(
    code        VARCHAR(40)  NOT NULL PRIMARY KEY,
    name        VARCHAR(100) NOT NULL,
    -- STAFF roles need two factors; CITIZEN roles are for the public.
    audience    VARCHAR(10)  NOT NULL CHECK (audience IN ('STAFF', 'CITIZEN'))
);
CREATE TABLE identity_role_permission
(
    role       VARCHAR(40) NOT NULL REFERENCES identity_role (code) ON DELETE CASCADE,
    permission VARCHAR(60) NOT NULL,
    PRIMARY KEY (role, permission)
);
INSERT INTO identity_role (code, name, audience) VALUES
    ('ADMIN', '平台管理员', 'STAFF'),
    ('CATALOG_EDITOR', '事项编制人员', 'STAFF'),
    ('CATALOG_REVIEWER', '事项审核人员', 'STAFF'),
    ('IDENTITY_CLERK', '窗口实名核验人员', 'STAFF');
-- Separation of duties (等保 三权分立 in spirit): the platform administrator manages accounts, clients and reference
-- data and reads the log, but drafts, reviews and counter checks belong to the business roles.
INSERT INTO identity_role_permission (role, permission) VALUES
    ('ADMIN', 'account.manage'), ('ADMIN', 'client.manage'), ('ADMIN', 'audit.read'), ('ADMIN', 'basedata.manage'),
    ('CATALOG_EDITOR', 'catalog.edit'),
    ('CATALOG_REVIEWER', 'catalog.review'),
    ('IDENTITY_CLERK', 'identity.verify-in-person');

-- Keys that sign tokens (OIDC). The private key is SM4-encrypted; retired keys stay published until they expire.
CREATE TABLE identity_signing_key
(
    kid            VARCHAR(64)              NOT NULL PRIMARY KEY,
    public_jwk     VARCHAR(4000)            NOT NULL,
    private_cipher BYTEA                    NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    retired_at     TIMESTAMP WITH TIME ZONE
);

-- Spring Authorization Server's own tables (its published schema, with PostgreSQL types).
CREATE TABLE oauth2_registered_client
(
    id                            VARCHAR(100)             NOT NULL PRIMARY KEY,
    client_id                     VARCHAR(100)             NOT NULL UNIQUE,
    client_id_issued_at           TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    client_secret                 VARCHAR(200),
    client_secret_expires_at      TIMESTAMP WITH TIME ZONE,
    client_name                   VARCHAR(200)             NOT NULL,
    client_authentication_methods VARCHAR(1000)            NOT NULL,
    authorization_grant_types     VARCHAR(1000)            NOT NULL,
    redirect_uris                 VARCHAR(1000),
    post_logout_redirect_uris     VARCHAR(1000),
    scopes                        VARCHAR(1000)            NOT NULL,
    client_settings               VARCHAR(2000)            NOT NULL,
    token_settings                VARCHAR(2000)            NOT NULL
);
CREATE TABLE oauth2_authorization
(
    id                            VARCHAR(100)  NOT NULL PRIMARY KEY,
    registered_client_id          VARCHAR(100)  NOT NULL,
    principal_name                VARCHAR(200)  NOT NULL,
    authorization_grant_type      VARCHAR(100)  NOT NULL,
    authorized_scopes             VARCHAR(1000),
    attributes                    TEXT,
    state                         VARCHAR(500),
    authorization_code_value      TEXT,
    authorization_code_issued_at  TIMESTAMP WITH TIME ZONE,
    authorization_code_expires_at TIMESTAMP WITH TIME ZONE,
    authorization_code_metadata   TEXT,
    access_token_value            TEXT,
    access_token_issued_at        TIMESTAMP WITH TIME ZONE,
    access_token_expires_at       TIMESTAMP WITH TIME ZONE,
    access_token_metadata         TEXT,
    access_token_type             VARCHAR(100),
    access_token_scopes           VARCHAR(1000),
    oidc_id_token_value           TEXT,
    oidc_id_token_issued_at       TIMESTAMP WITH TIME ZONE,
    oidc_id_token_expires_at      TIMESTAMP WITH TIME ZONE,
    oidc_id_token_metadata        TEXT,
    refresh_token_value           TEXT,
    refresh_token_issued_at       TIMESTAMP WITH TIME ZONE,
    refresh_token_expires_at      TIMESTAMP WITH TIME ZONE,
    refresh_token_metadata        TEXT,
    user_code_value               TEXT,
    user_code_issued_at           TIMESTAMP WITH TIME ZONE,
    user_code_expires_at          TIMESTAMP WITH TIME ZONE,
    user_code_metadata            TEXT,
    device_code_value             TEXT,
    device_code_issued_at         TIMESTAMP WITH TIME ZONE,
    device_code_expires_at        TIMESTAMP WITH TIME ZONE,
    device_code_metadata          TEXT
);
CREATE TABLE oauth2_authorization_consent
(
    registered_client_id VARCHAR(100)  NOT NULL,
    principal_name       VARCHAR(200)  NOT NULL,
    authorities          VARCHAR(1000) NOT NULL,
    PRIMARY KEY (registered_client_id, principal_name)
);

ALTER TABLE identity_account_role ADD CONSTRAINT identity_account_role_role_fk
    FOREIGN KEY (role) REFERENCES identity_role (code);
