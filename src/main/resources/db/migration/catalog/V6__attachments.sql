-- Files published with guides (blank forms, filled-in samples). Content-addressed by SHA-256 and never changed, so
-- a published guide always links to exactly the file that was reviewed.
CREATE TABLE catalog_attachment
(
    id          CHAR(64)                 NOT NULL PRIMARY KEY,
    file_name   VARCHAR(200)             NOT NULL,
    media_type  VARCHAR(100)             NOT NULL,
    size_bytes  INT                      NOT NULL,
    content     BYTEA                    NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_by  VARCHAR(64)              NOT NULL
);
