-- Append-only change feed: new services, endpoints, flags, sensitive classes, fields, endpoints
-- going quiet. Users alert on it (GET /api/v1/changes?since=...).
CREATE TABLE IF NOT EXISTS {{db}}.inventory_changes
(
    ts       DateTime64(3, 'UTC'),
    kind     LowCardinality(String),
    service  String,
    method   LowCardinality(String),
    path     String,
    subject  String
)
ENGINE = MergeTree
ORDER BY (ts, service, method, path, kind, subject)
SETTINGS non_replicated_deduplication_window = 10000;

-- What the change tracker last saw of each endpoint; the latest row per endpoint wins.
CREATE TABLE IF NOT EXISTS {{db}}.endpoint_watch_state
(
    service    String,
    method     LowCardinality(String),
    path       String,
    flags      Array(String),
    classes    Array(String),
    fields     Array(String),
    quiet      UInt8,
    updated_at DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ReplacingMergeTree(updated_at)
ORDER BY (service, method, path);
