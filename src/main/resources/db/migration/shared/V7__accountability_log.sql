-- 责任认定: the accountability log. Append-only; every entry carries the SM3 hash of its predecessor's hash and its
-- own content, so that an altered or removed entry breaks the chain at a place that can be named.

-- The end of the chain: one row, locked by every writer, so that sequence numbers have no gaps.
CREATE TABLE shared_audit_head
(
    id        SMALLINT    NOT NULL PRIMARY KEY CHECK (id = 1),
    last_seq  BIGINT      NOT NULL,
    last_hash CHAR(64)    NOT NULL
);
INSERT INTO shared_audit_head (id, last_seq, last_hash) VALUES (1, 0, repeat('0', 64));

CREATE TABLE shared_audit_entry
(
    seq         BIGINT                   NOT NULL PRIMARY KEY,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    actor       VARCHAR(100)             NOT NULL,
    acting_for  VARCHAR(100),
    action      VARCHAR(60)              NOT NULL,
    object_type VARCHAR(60),
    object_id   VARCHAR(100),
    outcome     VARCHAR(20)              NOT NULL,
    client_ip   VARCHAR(64),
    request_id  VARCHAR(64),
    details     VARCHAR(1000),
    prev_hash   CHAR(64)                 NOT NULL,
    hash        CHAR(64)                 NOT NULL
);
CREATE INDEX shared_audit_entry_actor_idx ON shared_audit_entry (actor, occurred_at);
CREATE INDEX shared_audit_entry_object_idx ON shared_audit_entry (object_type, object_id, occurred_at);
CREATE INDEX shared_audit_entry_time_idx ON shared_audit_entry (occurred_at);

-- Entries are never changed; they are removed only by the retention job, and only when older than 180 days.
CREATE FUNCTION shared_audit_append_only() RETURNS trigger AS
$$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        RAISE EXCEPTION 'accountability log entry % cannot be changed', OLD.seq;
    END IF;
    IF OLD.occurred_at > CURRENT_TIMESTAMP - INTERVAL '180 days' THEN
        RAISE EXCEPTION 'accountability log entry % is younger than 180 days and cannot be deleted', OLD.seq;
    END IF;
    RETURN OLD;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER shared_audit_append_only
    BEFORE UPDATE OR DELETE ON shared_audit_entry
    FOR EACH ROW EXECUTE FUNCTION shared_audit_append_only();

-- Where the database has separate roles, the application's role may only read and append.
DO
$$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'zhengwu_app') THEN
        REVOKE UPDATE, TRUNCATE ON shared_audit_entry FROM zhengwu_app;
    END IF;
END
$$;
