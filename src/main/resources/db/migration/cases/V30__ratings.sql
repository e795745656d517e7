-- 好差评 (GB/T 39046 A.8): one rating per case (一事一评), given by its applicant once the case is 办结. The unique
-- case_id is what makes a second rating, or a double-clicked first one, impossible.
CREATE TABLE cases_rating (
    id         BIGSERIAL PRIMARY KEY,
    case_id    BIGINT NOT NULL UNIQUE REFERENCES cases_case (id) ON DELETE CASCADE,
    score      SMALLINT NOT NULL CHECK (score BETWEEN 1 AND 5),
    comment    VARCHAR(500),
    rated_by   BIGINT NOT NULL,
    rated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX cases_rating_rated_at ON cases_rating (rated_at);

-- The fixed tags an applicant may add to a rating (办事效率, 服务态度, 材料要求, 网上办理体验, 收费, 其他).
CREATE TABLE cases_rating_tag (
    rating_id BIGINT NOT NULL REFERENCES cases_rating (id) ON DELETE CASCADE,
    tag       VARCHAR(16) NOT NULL CHECK (tag IN ('EFFICIENCY', 'ATTITUDE', 'MATERIALS', 'ONLINE', 'FEES', 'OTHER')),
    PRIMARY KEY (rating_id, tag)
);

-- 差评整改: a rating of 4 or 5 opens one task for the case's department, due a number of working days after the
-- rating. The department's organisation and division are the case's, kept here so that the task lists filter by data
-- scope on this table's own index.
CREATE TABLE cases_rectification (
    id                BIGSERIAL PRIMARY KEY,
    rating_id         BIGINT NOT NULL UNIQUE REFERENCES cases_rating (id) ON DELETE CASCADE,
    case_id           BIGINT NOT NULL REFERENCES cases_case (id) ON DELETE CASCADE,
    organisation_uscc VARCHAR(18) NOT NULL CHECK (organisation_uscc ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'),
    division_code     VARCHAR(6) NOT NULL CHECK (division_code ~ '^[0-9]{6}$'),
    opened_on         DATE NOT NULL,
    due_on            DATE,
    status            VARCHAR(10) NOT NULL CHECK (status IN ('OPEN', 'RECTIFIED')),
    measures          TEXT,
    rectified_at      TIMESTAMP WITH TIME ZONE,
    rectified_by      VARCHAR(100),
    rectified_by_name VARCHAR(100),
    CHECK ((status = 'RECTIFIED') = (measures IS NOT NULL AND rectified_at IS NOT NULL AND rectified_by IS NOT NULL))
);

CREATE INDEX cases_rectification_organisation ON cases_rectification (organisation_uscc, status, due_on);
CREATE INDEX cases_rectification_region ON cases_rectification (division_code, status, due_on);

-- 回访: each call or visit to the applicant after the rectification, and how satisfied they were then.
CREATE TABLE cases_follow_up (
    id                 BIGSERIAL PRIMARY KEY,
    rectification_id   BIGINT NOT NULL REFERENCES cases_rectification (id) ON DELETE CASCADE,
    visited_on         DATE NOT NULL,
    contact            VARCHAR(12) NOT NULL CHECK (contact IN ('REACHED', 'NOT_REACHED', 'DECLINED')),
    satisfaction_after SMALLINT CHECK (satisfaction_after BETWEEN 1 AND 5),
    notes              VARCHAR(1000),
    recorded_by        VARCHAR(100) NOT NULL,
    recorded_by_name   VARCHAR(100) NOT NULL,
    recorded_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CHECK (contact = 'REACHED' OR satisfaction_after IS NULL)
);

CREATE INDEX cases_follow_up_rectification ON cases_follow_up (rectification_id, visited_on);

-- The statistics count cases by the day they were received and by the day they were decided.
CREATE INDEX cases_case_received ON cases_case (received_on) WHERE status <> 'DRAFT';
CREATE INDEX cases_case_decided ON cases_case (decided_at) WHERE decision IS NOT NULL;
