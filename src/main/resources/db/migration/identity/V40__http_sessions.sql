-- The servlet sessions themselves (Spring Session JDBC): whatever a request puts in its session — the security context,
-- the CSRF token, a sign-in's second-factor state, a saved request, flash attributes — is stored here, serialised, so
-- that any node serves any request of any session and no load balancer needs to keep a person on one node. The shape
-- is Spring Session's own (schema-postgresql.sql of spring-session-jdbc 4.1), under identity's names; Spring Session
-- never creates it (spring.session.jdbc.initialize-schema: never). What a session may still do is decided apart, in
-- identity_session (V16), whose id the session holds.
CREATE TABLE identity_http_session
(
    primary_id            CHAR(36) NOT NULL,
    session_id            CHAR(36) NOT NULL,
    creation_time         BIGINT   NOT NULL,
    last_access_time      BIGINT   NOT NULL,
    max_inactive_interval INT      NOT NULL,
    -- Milliseconds since the epoch after which the session is gone: the cleanup deletes below it, reads ignore it.
    expiry_time           BIGINT   NOT NULL,
    -- The signed-in person's name (Authentication.getName()): how the provider finds a person's sessions for the
    -- sid of an ID token and for RP-initiated logout (SpringSessionBackedSessionRegistry).
    principal_name        VARCHAR(100),
    CONSTRAINT identity_http_session_pk PRIMARY KEY (primary_id)
);
CREATE UNIQUE INDEX identity_http_session_ix1 ON identity_http_session (session_id);
CREATE INDEX identity_http_session_ix2 ON identity_http_session (expiry_time);
CREATE INDEX identity_http_session_ix3 ON identity_http_session (principal_name);

CREATE TABLE identity_http_session_attributes
(
    session_primary_id CHAR(36)     NOT NULL,
    attribute_name     VARCHAR(200) NOT NULL,
    attribute_bytes    BYTEA        NOT NULL,
    CONSTRAINT identity_http_session_attributes_pk PRIMARY KEY (session_primary_id, attribute_name),
    CONSTRAINT identity_http_session_attributes_fk FOREIGN KEY (session_primary_id)
        REFERENCES identity_http_session (primary_id) ON DELETE CASCADE
);
