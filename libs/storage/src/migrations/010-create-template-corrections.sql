-- Users' corrections of learnt templates (`apiscope templates pin|split|merge`, POST
-- /api/v1/services/{service}/templates), in the order given. They are applied on top of the stored
-- templater state by readers (so past calls follow them at once) and by pipeline workers (so future
-- calls do); applying one twice changes nothing.
CREATE TABLE IF NOT EXISTS {{db}}.template_corrections
(
    service    String,
    seq        UInt64,
    action     LowCardinality(String),
    template   String,
    created_at DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = MergeTree
ORDER BY (service, seq);
