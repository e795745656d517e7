-- The key (公民身份号码, 统一社会信用代码) of each base-library record published as a change record, sealed, so that
-- the record's removal — whose event carries only the record id, the library keeping nothing personal after it —
-- can still be published under its key.
CREATE TABLE exchange_library_key (
    library    VARCHAR(20) NOT NULL CHECK (library IN ('person', 'legal-entity')),
    record_id  BIGINT NOT NULL,
    key_sealed BYTEA NOT NULL,
    PRIMARY KEY (library, record_id)
);
