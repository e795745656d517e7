-- Seals (GB/T 38540) for licence files. The platform's root certificate (one row, made at first start) signs each
-- organisation's seal certificate and makes its seal (SES_Seal, the seal maker being the platform); private keys are
-- SM2 scalars sealed with SM4-GCM under the platform's field key, bound to the row they belong to. Rows are written
-- once (INSERT … ON CONFLICT DO NOTHING: two nodes making the same seal at once end with one) and replaced only when
-- the certificate expires.
CREATE TABLE licence_seal_root (
    id            SMALLINT PRIMARY KEY CHECK (id = 1),
    certificate   BYTEA NOT NULL,
    private_key   BYTEA NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE licence_seal (
    issuer_uscc   VARCHAR(18) PRIMARY KEY CHECK (issuer_uscc ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'),
    issuer_name   VARCHAR(200) NOT NULL,
    certificate   BYTEA NOT NULL,
    private_key   BYTEA NOT NULL,
    seal          BYTEA NOT NULL,
    seal_id       VARCHAR(40) NOT NULL UNIQUE,
    valid_until   TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Other platforms' issuer roots trusted for 互认 (the platform's own root is always trusted and is not listed here).
-- fingerprint: SM3 of the certificate's DER, hex.
CREATE TABLE licence_trusted_root (
    fingerprint   VARCHAR(64) PRIMARY KEY CHECK (fingerprint ~ '^[0-9a-f]{64}$'),
    name          VARCHAR(200) NOT NULL,
    subject       VARCHAR(500) NOT NULL,
    certificate   BYTEA NOT NULL,
    not_after     TIMESTAMP WITH TIME ZONE NOT NULL,
    added_by      VARCHAR(100) NOT NULL,
    added_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
