-- One row per observed exchange. Metadata only: bodies, header values and query values never reach
-- storage (raw sensitive values are never stored). Ordered for per-endpoint scans.
-- The deduplication window makes a re-sent batch (same insert_deduplication_token) a no-op.
CREATE TABLE IF NOT EXISTS {{db}}.calls
(
    ts            DateTime64(3, 'UTC'),
    ingested_at   DateTime64(3, 'UTC') DEFAULT now64(3),
    call_id       String,
    sensor_id     LowCardinality(String),
    sensor_kind   LowCardinality(String),
    service       LowCardinality(String),
    method        LowCardinality(String),
    path          String,
    path_template String,
    status        UInt16,
    duration_ms   Nullable(Float64),
    src_ip        String,
    dst_ip        String,
    dst_port      UInt16,
    auth_schemes  Array(LowCardinality(String)),
    credentials   Enum8('unknown' = 0, 'present' = 1, 'absent' = 2),
    request_size  UInt64,
    response_size UInt64,
    incomplete    UInt8
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(ts)
ORDER BY (service, method, path_template, ts)
SETTINGS non_replicated_deduplication_window = 10000;
