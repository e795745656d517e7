-- 人口基础信息库 (first part): who exists, to match a name and 公民身份号码 against (real-name level L2).
-- Neither is kept in clear: the row holds HMAC-SM3 blind indexes of the number and of number + name.
CREATE TABLE basedata_person
(
    id_number_index CHAR(64)                 NOT NULL PRIMARY KEY,
    identity_index  CHAR(64)                 NOT NULL,
    deceased        BOOLEAN                  NOT NULL DEFAULT FALSE,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP
);
