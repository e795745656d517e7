-- 人口基础信息库 (full records): each person gets a stable record id, a version and the fields of the register. The
-- personal fields are sealed with SM4 (PlatformKeys): the number, the name and the address never in clear; the
-- blind indexes of V9 still find a person by number and match a name. Sex (GB/T 2261.1), birth date and household
-- division are kept in clear: they are what the library is filtered by, and identify nobody on their own.
-- Rows written before this script hold only the indexes: they stay (real-name matching uses them) until the
-- register's full record is saved over them.
ALTER TABLE basedata_person
    ADD COLUMN record_id          BIGINT GENERATED ALWAYS AS IDENTITY,
    ADD COLUMN id_number_sealed   BYTEA,
    ADD COLUMN name_sealed        BYTEA,
    ADD COLUMN address_sealed     BYTEA,
    ADD COLUMN sex                CHAR(1),
    ADD COLUMN birth_date         DATE,
    ADD COLUMN household_division CHAR(6),
    ADD COLUMN version            BIGINT NOT NULL DEFAULT 1;
ALTER TABLE basedata_person
    ALTER COLUMN record_id SET NOT NULL,
    ADD CONSTRAINT basedata_person_record_id_key UNIQUE (record_id),
    ADD CONSTRAINT basedata_person_sex_check CHECK (sex IN ('0', '1', '2', '9')),
    ADD CONSTRAINT basedata_person_household_division_check CHECK (household_division ~ '^[0123456789]{6}$'),
    ADD CONSTRAINT basedata_person_version_check CHECK (version > 0),
    -- A record is complete (number, name, sex and birth date together) or holds only the indexes.
    ADD CONSTRAINT basedata_person_complete_check CHECK (
        (id_number_sealed IS NULL AND name_sealed IS NULL AND sex IS NULL AND birth_date IS NULL)
        OR (id_number_sealed IS NOT NULL AND name_sealed IS NOT NULL AND sex IS NOT NULL AND birth_date IS NOT NULL));
CREATE INDEX basedata_person_division_idx ON basedata_person (household_division, record_id);
CREATE INDEX basedata_person_birth_date_idx ON basedata_person (birth_date);
