-- Every sign-in has a row, and the servlet session holds only the row's id: whichever node holds the session reads the
-- row at each request (SessionGuard), so that access withdrawn on one node — an account disabled, a role removed, a
-- password changed or reset, a second factor reset — ends the account's sessions on every node at their next request.
-- The rows also bound how many sessions one account may hold at once and how long any session may last, however busy.
CREATE TABLE identity_session
(
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id   BIGINT                   NOT NULL REFERENCES identity_account (id) ON DELETE CASCADE,
    signed_in_at TIMESTAMP WITH TIME ZONE NOT NULL,
    -- When the sign-in was complete: the password for the public, the second factor too for staff. A session still
    -- waiting for its second factor counts towards no limit, so a stolen password cannot push the real owner out.
    completed_at TIMESTAMP WITH TIME ZONE,
    -- The absolute end, whatever the activity: signed_in_at plus the lifetime of the account's type.
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at     TIMESTAMP WITH TIME ZONE,
    end_reason   VARCHAR(20),
    CONSTRAINT identity_session_end_reason_check CHECK (end_reason IN ('WITHDRAWN', 'REPLACED', 'EXPIRED')),
    CONSTRAINT identity_session_ended_check CHECK ((ended_at IS NULL) = (end_reason IS NULL))
);
-- The live sessions of one account: what a withdrawal ends and what the limit counts.
CREATE INDEX identity_session_live_idx ON identity_session (account_id) WHERE ended_at IS NULL;
-- What the retention job removes.
CREATE INDEX identity_session_expires_idx ON identity_session (expires_at);

-- A withdrawal revokes the account's authorizations: refresh tokens, codes and the records /userinfo checks access
-- tokens against, found by equality on the principal's name (a hash index, as every index of this table: V14).
-- Client-credential grants are left out of it: they are the hot insert path of the token endpoint and a client's
-- own, never a person's.
CREATE INDEX oauth2_authorization_principal_idx ON oauth2_authorization USING hash (principal_name)
    WHERE authorization_grant_type <> 'client_credentials';
