-- Abuse of the public forms (issue 8).

-- What the limits on codes, messages, registrations and resets count: one row per counted event, keyed by an HMAC-SM3
-- blind index of what is counted (a client address, a mobile number or mailbox, an account, a typed identifier), so
-- that nothing here is readable in clear. Rows older than the longest window are removed by AccountRecordsRetention.
CREATE TABLE identity_rate_limit_event
(
    scope_key   CHAR(64)                 NOT NULL,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX identity_rate_limit_event_idx ON identity_rate_limit_event (scope_key, occurred_at DESC);
CREATE INDEX identity_rate_limit_event_time_idx ON identity_rate_limit_event (occurred_at);

-- A registration waiting for the code sent to the mobile (or mailbox) it names. Whatever was typed is kept
-- SM4-encrypted as one value; the password only as its hash; the code only as an SM3 hash. Whether the number or the
-- mobile already had an account is not recorded: the message sent said so, the page did not.
CREATE TABLE identity_pending_registration
(
    reference      UUID                     NOT NULL PRIMARY KEY,
    details_cipher BYTEA                    NOT NULL,
    password_hash  VARCHAR(255)             NOT NULL,
    code_hash      CHAR(64)                 NOT NULL,
    -- Whether the code went to the mobile typed: then a right code proves the mobile (real-name level L3).
    proves_mobile  BOOLEAN                  NOT NULL,
    attempts       SMALLINT                 NOT NULL DEFAULT 0,
    expires_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at        TIMESTAMP WITH TIME ZONE,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX identity_pending_registration_expiry_idx ON identity_pending_registration (expires_at);

-- Failed sign-ins under a name that is no account were counted by the text typed, which may be someone's identity
-- number or a password typed into the wrong field; they are now counted by a blind index. The old rows only ever
-- served the last 15 minutes.
DELETE FROM identity_sign_in_failure WHERE login_key LIKE 'typed:%';
