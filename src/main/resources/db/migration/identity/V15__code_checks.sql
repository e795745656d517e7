-- Codes are refused by the database too when malformed, whatever writes to it: 统一社会信用代码 are eighteen characters
-- of the GB 32100 alphabet (the check character is not checked: pilot-era codes fail it and are legal); the purposes
-- of one-time codes and the channels of messages are the platform's own lists.
ALTER TABLE identity_account
    ADD CONSTRAINT identity_account_organisation_uscc_check
        CHECK (organisation_uscc ~ '^[0123456789ABCDEFGHJKLMNPQRTUWXY]{18}$');
ALTER TABLE identity_enterprise
    ADD CONSTRAINT identity_enterprise_uscc_check CHECK (uscc ~ '^[0123456789ABCDEFGHJKLMNPQRTUWXY]{18}$');
ALTER TABLE identity_one_time_code
    ADD CONSTRAINT identity_one_time_code_purpose_check CHECK (purpose IN ('PASSWORD_RESET', 'MOBILE_VERIFICATION'));
ALTER TABLE identity_notification_outbox
    ADD CONSTRAINT identity_notification_outbox_channel_check CHECK (channel IN ('EMAIL', 'MOBILE'));
