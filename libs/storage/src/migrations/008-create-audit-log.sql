-- Append-only audit log of the REST API: admin actions, failed authentications, denied access.
-- Never holds a secret: actors are key ids and names, never keys or hashes. No API route updates
-- or deletes rows. `id` (a UUID chosen by the API) breaks ties between rows of the same millisecond
-- for cursor pagination.
CREATE TABLE IF NOT EXISTS {{db}}.audit_log
(
    ts         DateTime64(3, 'UTC'),
    id         String,
    actor_id   String,
    actor_name String,
    actor_role LowCardinality(String),
    action     LowCardinality(String),
    outcome    LowCardinality(String),
    target     String,
    client_ip  String,
    method     LowCardinality(String),
    path       String,
    detail     String
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(ts)
ORDER BY (ts, id);
