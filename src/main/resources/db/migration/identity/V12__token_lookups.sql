-- The provider finds an authorization by the token a client presents (token refresh, user info, revocation,
-- introspection, the authorization code exchange). Without these, each lookup reads the whole table, and the table
-- grows with every token issued.
CREATE INDEX oauth2_authorization_code_idx ON oauth2_authorization (authorization_code_value);
CREATE INDEX oauth2_authorization_access_token_idx ON oauth2_authorization (access_token_value);
CREATE INDEX oauth2_authorization_refresh_token_idx ON oauth2_authorization (refresh_token_value);
CREATE INDEX oauth2_authorization_state_idx ON oauth2_authorization (state);
