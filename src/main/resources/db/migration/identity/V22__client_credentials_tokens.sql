-- Access tokens issued to department systems by client credentials are self-contained signed JWTs and are no longer
-- stored one row each (ClientCredentialsTokens): what is kept is the exception — a token its system revoked before it
-- expired — until it would have expired anyway. Issuing one remains in the accountability log.
CREATE TABLE identity_revoked_token (
    token_id   VARCHAR(100)             PRIMARY KEY,
    client_id  VARCHAR(100)             NOT NULL,
    revoked_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX identity_revoked_token_expires_idx ON identity_revoked_token (expires_at);

-- Client-credentials tokens stored before this change stay until AuthorizationRetention removes them.
