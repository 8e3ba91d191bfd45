-- Per-endpoint aggregates, pre-summed per batch by the pipeline and merged by ClickHouse.
-- Readers always GROUP BY the key: rows of one endpoint may not be merged yet.
-- status 0 in status_codes counts calls that got no response.
CREATE TABLE IF NOT EXISTS {{db}}.endpoint_stats
(
    service                  LowCardinality(String),
    method                   LowCardinality(String),
    path_template            String,
    calls                    SimpleAggregateFunction(sum, UInt64),
    first_seen               SimpleAggregateFunction(min, DateTime64(3, 'UTC')),
    last_seen                SimpleAggregateFunction(max, DateTime64(3, 'UTC')),
    status_codes             SimpleAggregateFunction(sumMap, Map(UInt16, UInt64)),
    auth_schemes             SimpleAggregateFunction(groupUniqArrayArray, Array(String)),
    credentialed_calls       SimpleAggregateFunction(sum, UInt64),
    uncredentialed_calls     SimpleAggregateFunction(sum, UInt64),
    unauthenticated_successes SimpleAggregateFunction(sum, UInt64),
    timed_calls              SimpleAggregateFunction(sum, UInt64),
    duration_ms_sum          SimpleAggregateFunction(sum, Float64),
    duration_ms_max          SimpleAggregateFunction(max, Float64)
)
ENGINE = AggregatingMergeTree
ORDER BY (service, method, path_template)
SETTINGS non_replicated_deduplication_window = 10000;
