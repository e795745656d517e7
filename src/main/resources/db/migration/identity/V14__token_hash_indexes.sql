-- The provider finds an authorization by the token a client presents. The b-tree indexes of V12 refuse a value that
-- does not fit in about 2.7 kB (a b-tree entry must fit in a third of a page), and tokens have no such bound — a
-- signed ID or access token with many claims: storing it would fail. A hash index keeps a 4-byte hash of each value,
-- has no such limit, and answers the only lookups the provider makes, by equality. Every column it looks up by is
-- indexed, so that a lookup without a token type (state OR code OR access token OR …) is answered from indexes too.
DROP INDEX oauth2_authorization_code_idx;
DROP INDEX oauth2_authorization_access_token_idx;
DROP INDEX oauth2_authorization_refresh_token_idx;
DROP INDEX oauth2_authorization_state_idx;
CREATE INDEX oauth2_authorization_state_idx ON oauth2_authorization USING hash (state);
CREATE INDEX oauth2_authorization_code_idx ON oauth2_authorization USING hash (authorization_code_value);
CREATE INDEX oauth2_authorization_access_token_idx ON oauth2_authorization USING hash (access_token_value);
CREATE INDEX oauth2_authorization_id_token_idx ON oauth2_authorization USING hash (oidc_id_token_value);
CREATE INDEX oauth2_authorization_refresh_token_idx ON oauth2_authorization USING hash (refresh_token_value);
CREATE INDEX oauth2_authorization_user_code_idx ON oauth2_authorization USING hash (user_code_value);
CREATE INDEX oauth2_authorization_device_code_idx ON oauth2_authorization USING hash (device_code_value);

-- When the authorization was begun: one that never got as far as a token has no other date to tell its age by
-- (AuthorizationRetention). The provider's own statements name their columns and leave this one to its default.
ALTER TABLE oauth2_authorization
    ADD COLUMN created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP;
