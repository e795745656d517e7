-- The catalogue follows the national code tables (docs/STANDARDS.md). Stored guides name code-table values by their
-- Java constant, so only the tables whose meaning changed are rewritten here:
-- * 网上办理深度 becomes the national multi-valued table. A guide kept the province's Ⅰ–Ⅳ level under the national
--   numbers; each level maps to the national depths it stands for (a level includes those below it, Ⅳ 全程网办 adds
--   online acceptance, handling and result), from which the level is derived again (Guide.onlineLevel()).
-- * 办件类型 9 其他 has no national source: such entries are 承诺件, or 即办件 when their promised time is 0.
-- * 权力来源 is required for administrative powers: entries of an earlier release exercised them by law at their level.
-- * 审批结果类型 is required: a result named like a certificate or licence is 证照, any other a 批文.
-- * Every material states its 材料形式 (paper, or paper and electronic where the entry takes applications online) and
--   its 来源渠道 (from the words of its source: the applicant, a government body or someone else).
-- The meaning of what a citizen read does not change, so published versions are rewritten too, with the trigger that
-- otherwise keeps them immutable switched off for this statement only.
ALTER TABLE catalog_item_version DISABLE TRIGGER catalog_version_immutable;

UPDATE catalog_item_version v
SET guide = (v.guide - 'onlineDepth')
    || jsonb_build_object(
        'onlineDepths',
        CASE v.guide ->> 'onlineDepth'
            WHEN 'CONSULTATION' THEN '["CONSULTATION"]'::jsonb
            WHEN 'ONLINE_SUBMISSION' THEN '["CONSULTATION", "SUBMISSION"]'::jsonb
            WHEN 'ONLINE_PRE_EXAMINATION' THEN '["CONSULTATION", "SUBMISSION", "PRE_EXAMINATION"]'::jsonb
            WHEN 'FULLY_ONLINE' THEN
                '["CONSULTATION", "SUBMISSION", "PRE_EXAMINATION", "ACCEPTANCE", "HANDLING", "RESULT_FEEDBACK"]'::jsonb
            ELSE '[]'::jsonb
            END,
        'caseKind',
        CASE
            WHEN v.guide ->> 'caseKind' <> 'OTHER' THEN v.guide -> 'caseKind'
            WHEN (v.guide -> 'promisedLimit' ->> 'value') = '0' THEN '"IMMEDIATE"'::jsonb
            ELSE '"PROMISED"'::jsonb
            END,
        'powerSource',
        CASE WHEN b.item_type = '20' THEN 'null'::jsonb ELSE '"STATUTORY"'::jsonb END,
        'resultType',
        CASE WHEN v.guide ->> 'resultName' ~ '(证|执照|证书|牌照|许可)' THEN '"LICENCE"'::jsonb ELSE '"DOCUMENT"'::jsonb END,
        'materials',
        COALESCE(
            (SELECT jsonb_agg(
                        m || jsonb_build_object(
                            'form',
                            CASE
                                WHEN v.guide ->> 'onlineDepth' <> 'CONSULTATION'
                                    AND (v.guide -> 'channels' ? 'PC' OR v.guide -> 'channels' ? 'MOBILE')
                                    THEN 'PAPER_AND_ELECTRONIC'
                                ELSE 'PAPER'
                                END,
                            'sourceChannel',
                            CASE
                                WHEN m ->> 'source' IS NULL OR m ->> 'source' ~ '申请人' THEN 'APPLICANT'
                                WHEN m ->> 'source' ~
                                     '(机关|部门|局|厅|委员会|政府|法院|公安|税务|海关|市场监督|民政|人力资源|不动产|卫生健康|办事处)'
                                    THEN 'GOVERNMENT'
                                ELSE 'OTHER'
                                END,
                            'replacingLicenceTypes', '[]'::jsonb)
                        ORDER BY ordinal)
             FROM jsonb_array_elements(v.guide -> 'materials') WITH ORDINALITY AS material(m, ordinal)),
            '[]'::jsonb))
FROM catalog_item i
JOIN catalog_base_item b ON b.base_code = i.base_code
WHERE i.id = v.item_id
  AND v.guide ? 'onlineDepth';

ALTER TABLE catalog_item_version ENABLE TRIGGER catalog_version_immutable;

-- The search index holds the derived Ⅰ–Ⅳ level, which is what its column always held; 服务对象 6 其他组织 is 9 in the
-- national table, where 6 is 行政机关.
ALTER TABLE catalog_search_entry RENAME COLUMN online_depth TO online_level;
UPDATE catalog_search_entry
SET service_objects = array_replace(service_objects, '6', '9')
WHERE '6' = ANY (service_objects);

-- Codes that moved to a new number, so that a bookmark or a partner's stored code still finds its entry.
CREATE TABLE catalog_code_change
(
    old_code   TEXT                     NOT NULL PRIMARY KEY,
    new_code   TEXT                     NOT NULL,
    reason     VARCHAR(200)             NOT NULL,
    changed_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP
);
