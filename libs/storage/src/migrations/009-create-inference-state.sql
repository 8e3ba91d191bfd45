-- Learned path templates per service (PathTemplater.toJSON()): the newest version wins. Templates are
-- resolved when the inventory is read, so calls aggregated under an older, finer key (`/users/torvalds`
-- before `{username}` was learnt) are re-attributed without rewriting any row. One writer per service
-- (Kafka key = service); a worker taking a partition over loads the newest state.
CREATE TABLE IF NOT EXISTS {{db}}.templater_states
(
    service    String,
    version    UInt64,
    state      String,
    updated_at DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ReplacingMergeTree(version)
ORDER BY service;

-- Per endpoint key (the template a call was written under): parameters, body schema stats and auth
-- facts (EndpointProfile.toJSON()), the newest version wins. Profiles of keys that now resolve to one
-- template are merged when read; each call is folded into exactly one key, so nothing counts twice.
CREATE TABLE IF NOT EXISTS {{db}}.endpoint_profiles
(
    service       LowCardinality(String),
    method        LowCardinality(String),
    path_template String,
    version       UInt64,
    profile       String
)
ENGINE = ReplacingMergeTree(version)
ORDER BY (service, method, path_template);

-- Status codes answered to calls that carried no credentials (401/403 there is the endpoint doing its job).
ALTER TABLE {{db}}.endpoint_stats
    ADD COLUMN IF NOT EXISTS uncredentialed_status_codes SimpleAggregateFunction(sumMap, Map(UInt16, UInt64));
