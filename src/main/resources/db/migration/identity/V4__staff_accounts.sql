-- 统一身份认证, first part: accounts that sign in with a password, and their roles. Citizens, enterprises, real-name
-- levels, MFA and the OIDC provider extend these tables later.
CREATE TABLE identity_account
(
    id                  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username            VARCHAR(64)              NOT NULL UNIQUE,
    display_name        VARCHAR(100)             NOT NULL,
    password_hash       VARCHAR(255)             NOT NULL,
    account_type        VARCHAR(20)              NOT NULL CHECK (account_type IN ('STAFF')),
    organisation_uscc   VARCHAR(18),
    enabled             BOOLEAN                  NOT NULL DEFAULT TRUE,
    password_changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE identity_account_role
(
    account_id BIGINT      NOT NULL REFERENCES identity_account (id) ON DELETE CASCADE,
    role       VARCHAR(40) NOT NULL,
    PRIMARY KEY (account_id, role)
);
