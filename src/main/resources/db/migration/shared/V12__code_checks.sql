-- What the platform itself defines is refused by the database too when malformed, whatever writes to it (a script,
-- a repair by hand, another program). Each module constrains its own tables; this is the shared kernel's.
ALTER TABLE shared_audit_entry
    ADD CONSTRAINT shared_audit_entry_outcome_check CHECK (outcome IN ('SUCCESS', 'FAILURE', 'DENIED'));
