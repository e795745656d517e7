-- 空间地理: named places and addresses with coordinates (WGS 84 / CGCS2000, degrees), each in a registered division.
CREATE TABLE basedata_place
(
    record_id     BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code          VARCHAR(40)              NOT NULL UNIQUE,
    name          VARCHAR(200)             NOT NULL,
    kind          VARCHAR(20)              NOT NULL,
    division_code CHAR(6)                  NOT NULL,
    address       VARCHAR(300)             NOT NULL DEFAULT '',
    longitude     NUMERIC(10, 6)           NOT NULL,
    latitude      NUMERIC(9, 6)            NOT NULL,
    version       BIGINT                   NOT NULL DEFAULT 1,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT basedata_place_code_check CHECK (code ~ '^[0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_.-]{1,40}$'),
    CONSTRAINT basedata_place_kind_check
        CHECK (kind IN ('address', 'building', 'landmark', 'service-hall', 'school', 'hospital', 'park', 'other')),
    CONSTRAINT basedata_place_division_check CHECK (division_code ~ '^[0123456789]{6}$'),
    CONSTRAINT basedata_place_longitude_check CHECK (longitude BETWEEN 73 AND 136),
    CONSTRAINT basedata_place_latitude_check CHECK (latitude BETWEEN 3 AND 54),
    CONSTRAINT basedata_place_version_check CHECK (version > 0)
);
CREATE INDEX basedata_place_division_idx ON basedata_place (division_code, record_id);

-- 宏观经济: indicators and their values by division and period. A period is written as the frequency has it:
-- 2024 (year), 2024Q1 (quarter), 2024-03 (month).
CREATE TABLE basedata_indicator
(
    record_id  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code       VARCHAR(40)              NOT NULL UNIQUE,
    name       VARCHAR(200)             NOT NULL,
    unit       VARCHAR(40)              NOT NULL,
    frequency  VARCHAR(10)              NOT NULL,
    version    BIGINT                   NOT NULL DEFAULT 1,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT basedata_indicator_code_check CHECK (code ~ '^[0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_.-]{1,40}$'),
    CONSTRAINT basedata_indicator_frequency_check CHECK (frequency IN ('year', 'quarter', 'month')),
    CONSTRAINT basedata_indicator_version_check CHECK (version > 0)
);

CREATE TABLE basedata_indicator_value
(
    indicator_id  BIGINT         NOT NULL REFERENCES basedata_indicator (record_id) ON DELETE CASCADE,
    division_code CHAR(6)        NOT NULL,
    period        VARCHAR(7)     NOT NULL,
    value         NUMERIC(20, 4) NOT NULL,
    PRIMARY KEY (indicator_id, division_code, period),
    CONSTRAINT basedata_indicator_value_division_check CHECK (division_code ~ '^[0123456789]{6}$'),
    CONSTRAINT basedata_indicator_value_period_check
        CHECK (period ~ '^[0123456789]{4}$' OR period ~ '^[0123456789]{4}Q[1234]$'
            OR period ~ '^[0123456789]{4}-(0[123456789]|1[012])$')
);
