-- 凡是能通过网络核验的信息，不得要求申请人重复提供: the electronic licence (by its GB/T 36904 identifier) that stands in
-- for a material of the guide, with the applicant's consent, instead of an uploaded file. One per material of a draft;
-- the licence module authorises the case's organisation to use it when the case is submitted (CaseSubmitted).
CREATE TABLE cases_licence_material (
    id                  BIGSERIAL PRIMARY KEY,
    case_id             BIGINT NOT NULL REFERENCES cases_case (id) ON DELETE CASCADE,
    material_no         INTEGER NOT NULL CHECK (material_no > 0),
    material_name       VARCHAR(200) NOT NULL,
    licence_identifier  VARCHAR(120) NOT NULL CHECK (licence_identifier ~ '^1\.2\.156\.3005\.2\.'),
    type_code           VARCHAR(21) NOT NULL,
    licence_number      VARCHAR(40) NOT NULL,
    consented_by        BIGINT NOT NULL,
    consented_by_name   VARCHAR(100) NOT NULL,
    consented_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    UNIQUE (case_id, material_no)
);
