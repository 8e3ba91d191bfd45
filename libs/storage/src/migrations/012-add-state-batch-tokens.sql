-- The deduplication token of the last batch folded into a templater state. A batch replayed after
-- a crash (same calls, same token) finds its token here and is not learnt twice; the calls and
-- endpoint_stats inserts of that replay are dropped by insert deduplication on the same token.
ALTER TABLE {{db}}.templater_states
    ADD COLUMN IF NOT EXISTS batch String DEFAULT '';

-- The same for endpoint profiles, whose counters (parameters, bodies, sensitive fields) would
-- otherwise count a replayed batch twice.
ALTER TABLE {{db}}.endpoint_profiles
    ADD COLUMN IF NOT EXISTS batch String DEFAULT '';
