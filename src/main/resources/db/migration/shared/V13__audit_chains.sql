-- The accountability log as several independent chains, so that audited writes no longer all wait for one head row,
-- each sealed with HMAC-SM3 under a key kept outside the database (entries written before this change keep their
-- plain SM3 hashes: a chain says from which position its entries are keyed).

-- Every existing entry becomes chain 1, at its own sequence number.
ALTER TABLE shared_audit_entry DISABLE TRIGGER shared_audit_append_only;
ALTER TABLE shared_audit_entry ADD COLUMN chain SMALLINT;
ALTER TABLE shared_audit_entry ADD COLUMN chain_seq BIGINT;
UPDATE shared_audit_entry SET chain = 1, chain_seq = seq;
ALTER TABLE shared_audit_entry ENABLE TRIGGER shared_audit_append_only;
ALTER TABLE shared_audit_entry ALTER COLUMN chain SET NOT NULL;
ALTER TABLE shared_audit_entry ALTER COLUMN chain_seq SET NOT NULL;
CREATE UNIQUE INDEX shared_audit_entry_chain_idx ON shared_audit_entry (chain, chain_seq);

-- The entry number stays unique across chains (and roughly in time order); the chains themselves have no gaps.
CREATE SEQUENCE shared_audit_entry_seq;
SELECT setval('shared_audit_entry_seq', last_seq + 1, false) FROM shared_audit_head WHERE id = 1;

-- One head per chain (id = the chain's number), each knowing from which position its entries are keyed.
ALTER TABLE shared_audit_head DROP CONSTRAINT shared_audit_head_id_check;
ALTER TABLE shared_audit_head ADD CONSTRAINT shared_audit_head_chain_check CHECK (id BETWEEN 1 AND 64);
ALTER TABLE shared_audit_head ADD COLUMN keyed_from BIGINT;
UPDATE shared_audit_head SET keyed_from = last_seq + 1;
ALTER TABLE shared_audit_head ALTER COLUMN keyed_from SET NOT NULL;

-- One retention mark per chain.
ALTER TABLE shared_audit_retention DROP CONSTRAINT shared_audit_retention_id_check;
ALTER TABLE shared_audit_retention ADD CONSTRAINT shared_audit_retention_chain_check CHECK (id BETWEEN 1 AND 64);
