-- What applied to a case when it was submitted, so that editing its catalogue entry later does not change it: the
-- process definition it runs on (key and version; the instance is process_instance_id) and, per review stage, the
-- staff roles the entry named (NULL: the stage is open to whoever holds its case permission, as before this version).
ALTER TABLE cases_case
    ADD COLUMN process_key text,
    ADD COLUMN process_version integer,
    ADD COLUMN undertake_roles text[],
    ADD COLUMN audit_roles text[],
    ADD COLUMN approve_roles text[],
    ADD CONSTRAINT cases_case_process_version_positive CHECK (process_version IS NULL OR process_version > 0),
    ADD CONSTRAINT cases_case_stage_roles_not_empty CHECK (
        (undertake_roles IS NULL OR cardinality(undertake_roles) > 0)
        AND (audit_roles IS NULL OR cardinality(audit_roles) > 0)
        AND (approve_roles IS NULL OR cardinality(approve_roles) > 0));

-- Cases submitted before: the process their 办件类型 chose (1 即办件 immediateCase, otherwise standardCase). Their
-- version is left unknown here; Flowable's instance (process_instance_id) still names its definition.
UPDATE cases_case SET process_key = CASE case_kind WHEN '1' THEN 'immediateCase' ELSE 'standardCase' END
WHERE status <> 'DRAFT';
