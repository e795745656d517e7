-- Where retention has cut the accountability log: the number and hash of the last entry it removed. Verification
-- starts there, so that a kept entry whose predecessor was removed on schedule is accepted, and an entry missing
-- beyond the mark is still named.
CREATE TABLE shared_audit_retention
(
    id                   SMALLINT                 NOT NULL PRIMARY KEY CHECK (id = 1),
    removed_through_seq  BIGINT                   NOT NULL,
    removed_through_hash CHAR(64)                 NOT NULL,
    removed_at           TIMESTAMP WITH TIME ZONE
);

-- A log that retention cut before the mark existed starts at its oldest kept entry; an emptied one at its head.
INSERT INTO shared_audit_retention (id, removed_through_seq, removed_through_hash)
SELECT 1,
       COALESCE((SELECT seq - 1 FROM shared_audit_entry ORDER BY seq LIMIT 1), h.last_seq),
       COALESCE((SELECT prev_hash FROM shared_audit_entry ORDER BY seq LIMIT 1), h.last_hash)
FROM shared_audit_head h
WHERE h.id = 1;

-- The mark only moves forward and is never removed.
CREATE FUNCTION shared_audit_retention_forward_only() RETURNS trigger AS
$$
BEGIN
    IF TG_OP = 'DELETE' OR NEW.removed_through_seq < OLD.removed_through_seq THEN
        RAISE EXCEPTION 'the accountability log retention mark only moves forward';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER shared_audit_retention_forward_only
    BEFORE UPDATE OR DELETE ON shared_audit_retention
    FOR EACH ROW EXECUTE FUNCTION shared_audit_retention_forward_only();
