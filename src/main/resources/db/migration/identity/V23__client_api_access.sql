-- A connected system's access to the modules' APIs with its own tokens (client credentials): the organisation it
-- speaks for, linked by the system administrator, and the scopes granted to it (each declared by a module's
-- ModuleAccess.apiScope, e.g. cases.read). A token is accepted on a scope's paths only while its grant stands here,
-- whatever scopes the token carries; the system reaches the organisation's objects only.
CREATE TABLE identity_client_api_access (
    client_id         VARCHAR(100)             PRIMARY KEY
        REFERENCES oauth2_registered_client (client_id) ON DELETE CASCADE,
    organisation_uscc CHAR(18)                 NOT NULL
        CONSTRAINT identity_client_api_access_uscc_check
            CHECK (organisation_uscc ~ '^[0123456789ABCDEFGHJKLMNPQRTUWXY]{18}$'),
    granted_by        VARCHAR(100)             NOT NULL,
    granted_at        TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE identity_client_api_scope (
    client_id VARCHAR(100) NOT NULL REFERENCES identity_client_api_access (client_id) ON DELETE CASCADE,
    scope     VARCHAR(60)  NOT NULL
        CONSTRAINT identity_client_api_scope_code_check CHECK (scope ~ '^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$'),
    PRIMARY KEY (client_id, scope)
);
