-- The change tracker remembers each endpoint's finding ids, so a finding that appears is a
-- `new_finding` change (GET /api/v1/changes) keyed by its stable id.
ALTER TABLE {{db}}.endpoint_watch_state ADD COLUMN IF NOT EXISTS findings Array(String);

-- 1 once the row's findings were recorded; rows written before stay 0, so after an upgrade the
-- tracker learns the existing findings silently instead of replaying all of them as new.
ALTER TABLE {{db}}.endpoint_watch_state ADD COLUMN IF NOT EXISTS findings_tracked UInt8 DEFAULT 0;
