-- 行使层级 of a base-list item: the levels of government at which it may be implemented, several of them (the national
-- exchange joins them with ^). An implementation entry has exactly one, its organisation's, which must be among them.
-- An item of an earlier release is given the levels its entries are implemented at, or, with no entry yet, every
-- level its type allows (1–5; 6 村（社区）级 only for 公共服务).
ALTER TABLE catalog_base_item ADD COLUMN exercise_levels TEXT[];
UPDATE catalog_base_item b
SET exercise_levels = COALESCE(
        (SELECT array_agg(DISTINCT i.exercise_level::text ORDER BY i.exercise_level::text)
         FROM catalog_item i WHERE i.base_code = b.base_code),
        CASE WHEN b.item_type = '20' THEN ARRAY ['1', '2', '3', '4', '5', '6'] ELSE ARRAY ['1', '2', '3', '4', '5'] END);
ALTER TABLE catalog_base_item
    ALTER COLUMN exercise_levels SET NOT NULL,
    ADD CONSTRAINT catalog_base_item_exercise_levels_check
        CHECK (cardinality(exercise_levels) > 0 AND exercise_levels <@ ARRAY ['1', '2', '3', '4', '5', '6']);
