-- Permissions and roles are declared by the modules that check them (org.zhengwu.shared.access.ModuleAccess);
-- identity writes every module's declarations into these tables when the application starts (AccessTables). A
-- permission or role that no module declares any longer is kept, marked retired: no assignment disappears unseen,
-- and a retired role grants nothing.
CREATE TABLE identity_permission
(
    code       VARCHAR(60)              NOT NULL PRIMARY KEY,
    -- The declaring module; null until a module has declared the permission.
    module     VARCHAR(40),
    name_zh    VARCHAR(100)             NOT NULL,
    name_en    VARCHAR(100)             NOT NULL,
    -- ORGANISATION: the holder's own organisation's objects; REGION: also those of its division and the ones below.
    reach      VARCHAR(12)              NOT NULL CHECK (reach IN ('ORGANISATION', 'REGION')),
    retired_at TIMESTAMP WITH TIME ZONE
);

-- The permissions roles grant already, named by their codes until their modules declare them at the next start.
INSERT INTO identity_permission (code, name_zh, name_en, reach)
SELECT DISTINCT permission, permission, permission, 'ORGANISATION' FROM identity_role_permission;

ALTER TABLE identity_role_permission ADD CONSTRAINT identity_role_permission_permission_fk
    FOREIGN KEY (permission) REFERENCES identity_permission (code);

-- identity_role.name stays the Chinese name.
ALTER TABLE identity_role
    ADD COLUMN module     VARCHAR(40),
    ADD COLUMN name_en    VARCHAR(100),
    ADD COLUMN retired_at TIMESTAMP WITH TIME ZONE;
