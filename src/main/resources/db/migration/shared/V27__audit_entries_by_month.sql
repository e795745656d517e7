-- The accountability log partitioned by month (of Asia/Shanghai) of occurred_at: retention drops a month that has
-- wholly expired instead of deleting its rows one by one, and a search over a period reads only its months. A
-- partitioned table's unique keys must contain the partition key, so the entry number and the chain position are
-- unique together with the time; both are handed out under the chain head's row lock, which is what keeps them unique.
-- Months are added ahead of time at each start and daily (shared.database.TimePartitions); an entry outside every
-- month made (a clock far off) lands in the default partition, so nothing is ever refused.
ALTER TABLE shared_audit_entry RENAME TO shared_audit_entry_before_months;

CREATE TABLE shared_audit_entry
(
    seq         BIGINT                   NOT NULL,
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
    hash        CHAR(64)                 NOT NULL,
    chain       SMALLINT                 NOT NULL,
    chain_seq   BIGINT                   NOT NULL,
    CONSTRAINT shared_audit_entry_outcome_check CHECK (outcome IN ('SUCCESS', 'FAILURE', 'DENIED'))
) PARTITION BY RANGE (occurred_at);

CREATE TABLE shared_audit_entry_default PARTITION OF shared_audit_entry DEFAULT;

-- One partition per month from the oldest entry kept to three months ahead.
DO
$$
DECLARE
    month DATE := date_trunc('month', COALESCE(
            (SELECT min(occurred_at) FROM shared_audit_entry_before_months), CURRENT_TIMESTAMP) AT TIME ZONE 'Asia/Shanghai');
    last  DATE := date_trunc('month', CURRENT_TIMESTAMP AT TIME ZONE 'Asia/Shanghai') + INTERVAL '3 months';
BEGIN
    WHILE month <= last LOOP
        EXECUTE format('CREATE TABLE %I PARTITION OF shared_audit_entry FOR VALUES FROM (%L) TO (%L)',
                       'shared_audit_entry_p' || to_char(month, 'YYYYMM'),
                       (month::timestamp AT TIME ZONE 'Asia/Shanghai'),
                       ((month + INTERVAL '1 month')::timestamp AT TIME ZONE 'Asia/Shanghai'));
        month := month + INTERVAL '1 month';
    END LOOP;
END
$$;

INSERT INTO shared_audit_entry (seq, occurred_at, actor, acting_for, action, object_type, object_id, outcome,
                                client_ip, request_id, details, prev_hash, hash, chain, chain_seq)
SELECT seq, occurred_at, actor, acting_for, action, object_type, object_id, outcome,
       client_ip, request_id, details, prev_hash, hash, chain, chain_seq
FROM shared_audit_entry_before_months;

DROP TABLE shared_audit_entry_before_months;

ALTER TABLE shared_audit_entry ADD CONSTRAINT shared_audit_entry_pkey PRIMARY KEY (seq, occurred_at);
CREATE UNIQUE INDEX shared_audit_entry_chain_idx ON shared_audit_entry (chain, chain_seq, occurred_at);
CREATE INDEX shared_audit_entry_actor_idx ON shared_audit_entry (actor, occurred_at);
CREATE INDEX shared_audit_entry_object_idx ON shared_audit_entry (object_type, object_id, occurred_at);
CREATE INDEX shared_audit_entry_time_idx ON shared_audit_entry (occurred_at);

-- Row triggers on a partitioned table apply to every partition, those made later included.
CREATE TRIGGER shared_audit_append_only
    BEFORE UPDATE OR DELETE ON shared_audit_entry
    FOR EACH ROW EXECUTE FUNCTION shared_audit_append_only();

DO
$$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'zhengwu_app') THEN
        REVOKE UPDATE, TRUNCATE ON shared_audit_entry FROM zhengwu_app;
    END IF;
END
$$;
