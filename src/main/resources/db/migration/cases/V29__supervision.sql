-- 电子监察: the warnings raised on a case's clock. A warning is raised once per case, level and due date: once resolved
-- (督办, superseded by red, the due date moved, the case left the clock) it is not raised again for that due date, but
-- a due date moved by a pause or an extension may earn a new one. The case's organisation and division are copied in,
-- so that supervisors' lists are filtered by data scope without reading the case.
CREATE TABLE cases_warning (
    id                BIGSERIAL PRIMARY KEY,
    case_id           BIGINT NOT NULL REFERENCES cases_case (id) ON DELETE CASCADE,
    level             VARCHAR(6) NOT NULL CHECK (level IN ('YELLOW', 'RED')),
    due_on            DATE NOT NULL,
    organisation_uscc VARCHAR(18) NOT NULL CHECK (organisation_uscc ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'),
    division_code     VARCHAR(6) NOT NULL CHECK (division_code ~ '^[0-9]{6}$'),
    raised_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    resolved_at       TIMESTAMP WITH TIME ZONE,
    resolution        VARCHAR(16) CHECK (resolution IN ('CLOCK_STOPPED', 'SUPERSEDED', 'DUE_MOVED', 'SUPERVISED')),
    resolution_note   TEXT,
    resolved_by       VARCHAR(100),
    CHECK ((resolved_at IS NULL) = (resolution IS NULL)),
    CHECK ((resolved_at IS NULL) = (resolved_by IS NULL)),
    UNIQUE (case_id, level, due_on)
);

CREATE INDEX cases_warning_open_organisation ON cases_warning (organisation_uscc, level) WHERE resolved_at IS NULL;
CREATE INDEX cases_warning_open_division ON cases_warning (division_code, level) WHERE resolved_at IS NULL;
CREATE INDEX cases_warning_raised ON cases_warning (raised_at DESC, id DESC);

-- 特别程序 (行政许可法 §45: 听证、检验、检测、专家评审 do not count towards the limit) and 延期 (§42: ten working days
-- more with the approval of the organisation's head). A pause runs from started_on to ended_on (open while ended_on is
-- NULL) and stops the clock for the working days after started_on up to ended_on; an extension is started and ended
-- on the day it was approved and adds extension_days.
CREATE TABLE cases_clock_event (
    id             BIGSERIAL PRIMARY KEY,
    case_id        BIGINT NOT NULL REFERENCES cases_case (id) ON DELETE CASCADE,
    kind           VARCHAR(16) NOT NULL CHECK (kind IN ('HEARING', 'TESTING', 'EXPERT_REVIEW', 'EXTENSION')),
    reason         TEXT NOT NULL,
    started_on     DATE NOT NULL,
    ended_on       DATE,
    extension_days INTEGER CHECK (extension_days > 0),
    started_by     VARCHAR(100) NOT NULL,
    ended_by       VARCHAR(100),
    recorded_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at       TIMESTAMP WITH TIME ZONE,
    CHECK (ended_on IS NULL OR ended_on >= started_on),
    CHECK ((ended_on IS NULL) = (ended_by IS NULL)),
    CHECK ((kind = 'EXTENSION') = (extension_days IS NOT NULL)),
    CHECK (kind <> 'EXTENSION' OR ended_on = started_on)
);

CREATE INDEX cases_clock_event_case ON cases_clock_event (case_id, started_on);
-- One pause at a time, one extension per case: the database holds the rule against two clerks at once.
CREATE UNIQUE INDEX cases_clock_event_open_pause ON cases_clock_event (case_id) WHERE ended_on IS NULL;
CREATE UNIQUE INDEX cases_clock_event_extension ON cases_clock_event (case_id) WHERE kind = 'EXTENSION';
