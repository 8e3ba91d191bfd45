-- Kafka consumers record the offset range of a batch before storing it; after a crash the next owner
-- of the partition replays exactly that range, so the batch's insert-deduplication token matches.
-- ReplacingMergeTree keeps the latest intent per (group, topic, partition); readers use argMax.
CREATE TABLE IF NOT EXISTS {{db}}.consumer_intents
(
    consumer_group String,
    topic          String,
    partition      UInt32,
    first_offset   String,
    last_offset    String,
    recorded_at    DateTime64(6, 'UTC') DEFAULT now64(6)
)
ENGINE = ReplacingMergeTree(recorded_at)
ORDER BY (consumer_group, topic, partition);
