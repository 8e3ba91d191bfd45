-- API keys of apiscope's own REST API. The key itself is never stored: `secret_hash` is a salted
-- scrypt hash (`scrypt$N$r$p$salt$hash`). `id` is the short lookup prefix every key carries in
-- clear (`aps_<id>_<secret>`), so a presented key finds its one row without a scan or a hash index.
-- A change (revocation) is a new row with a higher `version`; readers use FINAL, so the newest
-- version wins even before ClickHouse merges the parts.
CREATE TABLE IF NOT EXISTS {{db}}.api_keys
(
    id          String,
    name        String,
    role        Enum8('viewer' = 1, 'ingest' = 2, 'admin' = 3),
    secret_hash String,
    created_at  DateTime64(3, 'UTC'),
    created_by  String,
    expires_at  Nullable(DateTime64(3, 'UTC')),
    revoked_at  Nullable(DateTime64(3, 'UTC')),
    revoked_by  String DEFAULT '',
    version     UInt64
)
ENGINE = ReplacingMergeTree(version)
ORDER BY id;

-- Last use per key, apart from api_keys: a usage update rewriting a key row could undo a
-- revocation written in the same second; a max() aggregate cannot. The API flushes it in batches.
CREATE TABLE IF NOT EXISTS {{db}}.api_key_usage
(
    key_id       String,
    last_used_at SimpleAggregateFunction(max, DateTime64(3, 'UTC'))
)
ENGINE = AggregatingMergeTree
ORDER BY key_id;
