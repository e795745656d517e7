-- Codes are refused by the database too when malformed, whatever writes to it. 基本编码 and 实施编码 follow a layout a
-- deployment configures (zhengwu.catalog.code-layout.*), so only what every layout shares is constrained, not
-- where a segment lies: a base code is digits; an implementation code is an organisation's 统一社会信用代码, a level
-- digit and a base code, so it is made of the GB 32100 alphabet; CatalogCodes checks their lengths against the layout. Fixed as in base
-- data: 统一社会信用代码 eighteen characters of that alphabet, 行政区划代码 six digits, 行使层级 one digit; 事项类型 is
-- a two-digit code and 办结时限单位 one capital, of code tables that grow with the standards.
ALTER TABLE catalog_base_item
    ADD CONSTRAINT catalog_base_item_base_code_check CHECK (base_code ~ '^[0123456789]+$'),
    ADD CONSTRAINT catalog_base_item_item_type_check CHECK (item_type ~ '^[0123456789]{2}$');
ALTER TABLE catalog_item
    ADD CONSTRAINT catalog_item_implementation_code_check
        CHECK (implementation_code ~ '^[0123456789ABCDEFGHJKLMNPQRTUWXY]+$'),
    ADD CONSTRAINT catalog_item_organisation_uscc_check
        CHECK (organisation_uscc ~ '^[0123456789ABCDEFGHJKLMNPQRTUWXY]{18}$'),
    ADD CONSTRAINT catalog_item_exercise_level_check CHECK (exercise_level ~ '^[0123456789]$'),
    ADD CONSTRAINT catalog_item_division_code_check CHECK (division_code ~ '^[0123456789]{6}$');
ALTER TABLE catalog_search_entry
    ADD CONSTRAINT catalog_search_entry_implementation_code_check
        CHECK (implementation_code ~ '^[0123456789ABCDEFGHJKLMNPQRTUWXY]+$'),
    ADD CONSTRAINT catalog_search_entry_item_type_check CHECK (item_type ~ '^[0123456789]{2}$'),
    ADD CONSTRAINT catalog_search_entry_organisation_uscc_check
        CHECK (organisation_uscc ~ '^[0123456789ABCDEFGHJKLMNPQRTUWXY]{18}$'),
    ADD CONSTRAINT catalog_search_entry_division_code_check CHECK (division_code ~ '^[0123456789]{6}$'),
    ADD CONSTRAINT catalog_search_entry_exercise_level_check CHECK (exercise_level ~ '^[0123456789]$'),
    ADD CONSTRAINT catalog_search_entry_promised_unit_check CHECK (promised_unit ~ '^[ABCDEFGHIJKLMNOPQRSTUVWXYZ]$');
