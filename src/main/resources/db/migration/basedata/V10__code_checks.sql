-- Codes are refused by the database too when malformed, whatever writes to it. Only what is fixed is constrained:
-- 行政区划代码 (GB/T 2260) are six digits; 统一社会信用代码 (GB 32100) are eighteen characters of its alphabet — the
-- digits and the capitals but I, O, S, V and Z — with no check of the check character, because registered pilot-era
-- codes that fail it are legal (legacy_code); 行使层级 and 实施主体性质 are one digit each, of code tables that grow with
-- the standards. Character sets are spelt out: a range such as 0-9 may depend on the collation.
ALTER TABLE basedata_division
    ADD CONSTRAINT basedata_division_code_check CHECK (code ~ '^[0123456789]{6}$'),
    ADD CONSTRAINT basedata_division_parent_code_check CHECK (parent_code ~ '^[0123456789]{6}$');
ALTER TABLE basedata_organisation
    ADD CONSTRAINT basedata_organisation_uscc_check
        CHECK (uscc ~ '^[0123456789ABCDEFGHJKLMNPQRTUWXY]{18}$'),
    ADD CONSTRAINT basedata_organisation_parent_uscc_check
        CHECK (parent_uscc ~ '^[0123456789ABCDEFGHJKLMNPQRTUWXY]{18}$'),
    ADD CONSTRAINT basedata_organisation_division_code_check CHECK (division_code ~ '^[0123456789]{6}$'),
    ADD CONSTRAINT basedata_organisation_exercise_level_check CHECK (exercise_level ~ '^[0123456789]$'),
    ADD CONSTRAINT basedata_organisation_nature_check CHECK (nature ~ '^[0123456789]$');
