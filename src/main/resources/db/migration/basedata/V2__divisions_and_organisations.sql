-- 基础信息资源库: administrative divisions (GB/T 2260) and organisations (实施主体).

-- One row per period a code was in force. A code that changes name or parent gets a new row; an abolished code keeps
-- its rows with effective_to set, so that old references stay resolvable.
CREATE TABLE basedata_division
(
    code           CHAR(6)      NOT NULL,
    name           VARCHAR(100) NOT NULL,
    level          VARCHAR(12)  NOT NULL CHECK (level IN ('PROVINCE', 'PREFECTURE', 'COUNTY')),
    parent_code    CHAR(6),
    effective_from DATE         NOT NULL,
    effective_to   DATE,
    PRIMARY KEY (code, effective_from),
    CHECK (effective_to IS NULL OR effective_to > effective_from)
);
CREATE INDEX basedata_division_parent_idx ON basedata_division (parent_code);

CREATE TABLE basedata_organisation
(
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    uscc            VARCHAR(18)  NOT NULL UNIQUE,
    name            VARCHAR(200) NOT NULL,
    division_code   CHAR(6)      NOT NULL,
    exercise_level  CHAR(1)      NOT NULL,
    nature          CHAR(1)      NOT NULL,
    parent_uscc     VARCHAR(18),
    address         VARCHAR(300) NOT NULL DEFAULT '',
    phone           VARCHAR(40)  NOT NULL DEFAULT '',
    -- An administrator accepted a registered code whose check character fails (pre-2015 pilot codes).
    legacy_code     BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX basedata_organisation_division_idx ON basedata_organisation (division_code);
