-- Mobile numbers and e-mail addresses are kept as 公民身份号码 are (issue 8): SM4-GCM ciphertext under the platform's
-- field key, and — where something looks them up or must be unique — an HMAC-SM3 blind index under its index key;
-- never in clear. Neither key is in the database (org.zhengwu.shared.crypto.PlatformKeys).
--
-- SQL cannot encrypt with a key the database does not hold: the values an earlier release stored in clear are
-- encrypted after the migrations, at every start, by identity.account.ClearContactDetails (in batches, each row once
-- even when several nodes start together), which empties the clear columns as it goes. The clear columns stay, always
-- empty, until a later release drops them: dropping them here, or from that Java step, would break the nodes of the
-- previous release still running during an upgrade, and a value not yet encrypted would be lost with its column.
-- That later migration starts by refusing to run while any of them holds a value (an installation that skipped this
-- release starts this one once first). Until then, the constraints below refuse a clear value in any row written from
-- now on — whatever writes it — while rows written before stay readable until the conversion has emptied them.

ALTER TABLE identity_account
    ADD COLUMN mobile_cipher BYTEA,
    -- Of the digits: sign-in and password reset by mobile, registration's "this mobile already has an account",
    -- and one account per mobile.
    ADD COLUMN mobile_index  CHAR(64),
    -- Nothing finds an account by its address and addresses need not be unique: no index, which would only show which
    -- accounts share one.
    ADD COLUMN email_cipher  BYTEA,
    ADD CONSTRAINT identity_account_mobile_index_check CHECK ((mobile_cipher IS NULL) = (mobile_index IS NULL));
ALTER TABLE identity_account
    ADD CONSTRAINT identity_account_contact_in_clear_check CHECK (mobile IS NULL AND email IS NULL) NOT VALID;
DROP INDEX identity_account_mobile_idx;
CREATE UNIQUE INDEX identity_account_mobile_index_idx ON identity_account (mobile_index)
    WHERE mobile_index IS NOT NULL;

-- The development outbox (never in production) stands in for the phone and the mailbox, so what a message says is
-- readable there; to whom is encrypted like any other number or address, with a blind index to find the messages sent
-- to one (for the developer reading the demo's codes, and the tests).
ALTER TABLE identity_notification_outbox
    ADD COLUMN recipient_cipher BYTEA,
    ADD COLUMN recipient_index  CHAR(64);
ALTER TABLE identity_notification_outbox ALTER COLUMN recipient DROP NOT NULL;
ALTER TABLE identity_notification_outbox
    ADD CONSTRAINT identity_notification_outbox_recipient_in_clear_check CHECK (recipient IS NULL) NOT VALID;
CREATE INDEX identity_notification_outbox_recipient_idx ON identity_notification_outbox (recipient_index, id);

-- A citizen changes the mobile in 个人中心 with a code sent to the new number (bound to it: OneTimeCodes).
ALTER TABLE identity_one_time_code DROP CONSTRAINT identity_one_time_code_purpose_check;
ALTER TABLE identity_one_time_code ADD CONSTRAINT identity_one_time_code_purpose_check
    CHECK (purpose IN ('PASSWORD_RESET', 'MOBILE_VERIFICATION', 'MOBILE_CHANGE'));
