-- 窗口收件: a clerk registers an application for the person at the counter, who may have no account. The case keeps
-- what identifies them — the 公民身份号码 (sealed, and findable by the blind index applicant_id_index) and the mobile
-- (sealed) — and, for an enterprise, its name beside acting_for_uscc. registered_by names the clerk.
ALTER TABLE cases_case
    ADD COLUMN applicant_id_number BYTEA,
    ADD COLUMN applicant_mobile    BYTEA,
    ADD COLUMN enterprise_name     VARCHAR(200);

CREATE INDEX cases_case_registered_by ON cases_case (registered_by, updated_at DESC) WHERE registered_by IS NOT NULL;
