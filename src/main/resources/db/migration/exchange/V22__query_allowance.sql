-- Calls of the query API per connected system and clock hour (UTC), against ZHENGWU_EXCHANGE_QUERIES_PER_HOUR. One
-- row per system and hour, counted up in a short transaction of its own, so that a system's concurrent calls wait on
-- the row for microseconds, not for each other's whole request.
CREATE TABLE exchange_query_allowance (
    client_id  VARCHAR(100) NOT NULL,
    hour_start TIMESTAMP WITH TIME ZONE NOT NULL,
    used       INTEGER NOT NULL CHECK (used >= 0),
    PRIMARY KEY (client_id, hour_start)
);
