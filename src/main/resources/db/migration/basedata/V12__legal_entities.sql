-- 法人基础信息库: legal entities keyed by 统一社会信用代码 (GB 32100). The legal representative is a person: the name and
-- 公民身份号码 are sealed with SM4, the number found by its blind index and the pair by another (to verify that
-- someone represents an entity without holding either in clear).
CREATE TABLE basedata_legal_entity
(
    record_id                     BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    uscc                          VARCHAR(18)              NOT NULL UNIQUE,
    name                          VARCHAR(200)             NOT NULL,
    -- 登记管理部门码 and 机构类别码 of GB 32100 (the code's first two characters): 11 机关, 12 事业单位, 91 企业, …
    entity_type                   CHAR(2)                  NOT NULL,
    representative_name_sealed    BYTEA                    NOT NULL,
    representative_id_sealed      BYTEA                    NOT NULL,
    representative_id_index       CHAR(64)                 NOT NULL,
    representative_identity_index CHAR(64)                 NOT NULL,
    registered_division           CHAR(6)                  NOT NULL,
    status                        VARCHAR(12)              NOT NULL,
    registration_date             DATE                     NOT NULL,
    version                       BIGINT                   NOT NULL DEFAULT 1,
    updated_at                    TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT basedata_legal_entity_uscc_check CHECK (uscc ~ '^[0123456789ABCDEFGHJKLMNPQRTUWXY]{18}$'),
    CONSTRAINT basedata_legal_entity_type_check CHECK (entity_type ~ '^[0123456789ABCDEFGHJKLMNPQRTUWXY]{2}$'),
    CONSTRAINT basedata_legal_entity_division_check CHECK (registered_division ~ '^[0123456789]{6}$'),
    CONSTRAINT basedata_legal_entity_status_check CHECK (status IN ('active', 'revoked', 'cancelled', 'moved-out')),
    CONSTRAINT basedata_legal_entity_version_check CHECK (version > 0)
);
CREATE INDEX basedata_legal_entity_division_idx ON basedata_legal_entity (registered_division, record_id);
CREATE INDEX basedata_legal_entity_representative_idx ON basedata_legal_entity (representative_id_index);
