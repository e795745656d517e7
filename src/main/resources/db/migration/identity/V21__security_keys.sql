-- Security keys and passkeys (WebAuthn) of staff, a second factor besides the authenticator app.

-- The WebAuthn user handle of an account: random, so that an authenticator learns nothing about the account from it.
-- Made when the account first asks to register a key, removed with its keys when an administrator resets its
-- second factor (the next key gets a new handle).
CREATE TABLE identity_webauthn_user
(
    account_id  BIGINT PRIMARY KEY REFERENCES identity_account (id) ON DELETE CASCADE,
    user_handle BYTEA                    NOT NULL UNIQUE,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    CONSTRAINT identity_webauthn_user_handle_check CHECK (octet_length(user_handle) BETWEEN 1 AND 64)
);

-- One registered key: its public key (COSE), what the relying-party library needs to verify the next assertion, the
-- name its owner gave it, and the signature counter last seen (an assertion whose counter does not move past it is
-- refused as coming from a copy of the key).
CREATE TABLE identity_webauthn_credential
(
    credential_id                BYTEA PRIMARY KEY,
    account_id                   BIGINT                   NOT NULL REFERENCES identity_account (id) ON DELETE CASCADE,
    label                        VARCHAR(40)              NOT NULL,
    credential_type              VARCHAR(32)              NOT NULL,
    public_key_cose              BYTEA                    NOT NULL,
    signature_count              BIGINT                   NOT NULL,
    uv_initialized               BOOLEAN                  NOT NULL,
    backup_eligible              BOOLEAN                  NOT NULL,
    backup_state                 BOOLEAN                  NOT NULL,
    -- The transports the browser reported (usb, nfc, ble, internal, hybrid…), comma-separated: a hint to the browser.
    transports                   VARCHAR(200)             NOT NULL,
    attestation_object           BYTEA                    NOT NULL,
    attestation_client_data_json BYTEA                    NOT NULL,
    created_at                   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at                 TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT identity_webauthn_credential_id_check CHECK (octet_length(credential_id) BETWEEN 1 AND 1023),
    CONSTRAINT identity_webauthn_credential_count_check CHECK (signature_count >= 0),
    -- Two keys of one person never share a name, so that the list and the log say which one was removed.
    CONSTRAINT identity_webauthn_credential_label_unique UNIQUE (account_id, label)
);
