-- Events the pipeline refused, with the reason. The excerpt is bounded (1 KiB) so a flood of
-- garbage cannot fill the disk faster than the events themselves; it is kept for 14 days.
CREATE TABLE IF NOT EXISTS {{db}}.dead_letters
(
    ts          DateTime64(3, 'UTC') DEFAULT now64(3),
    source      LowCardinality(String),
    event_id    String,
    sensor_id   String,
    reason      String,
    excerpt     String
)
ENGINE = MergeTree
ORDER BY ts
TTL toDateTime(ts) + INTERVAL 14 DAY
SETTINGS non_replicated_deduplication_window = 10000;
