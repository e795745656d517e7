-- A script in a folder named after no module (a typo of catalog): ModuleMigrations refuses to start.
SELECT 1;
