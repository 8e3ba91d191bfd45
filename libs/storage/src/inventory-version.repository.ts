import { type ClickHouseStore } from './clickhouse-store';

/**
 * A cheap fingerprint of everything the resolved inventory is built from, for readers that cache it
 * (one query, answered from part metadata and a few small columns, not from the endpoint aggregates):
 * - `calls` is append-only and written with every batch of endpoint aggregates, and its count()
 *   comes from part metadata; `endpoint_stats` rows counted too, for a batch whose calls insert
 *   landed before the fingerprint and its aggregates after;
 * - templater states, profiles and corrections carry growing versions (newest wins);
 * - reference specs are append-only, one row per imported version.
 * A change of any of them changes the fingerprint; a background merge may change it too (a spurious
 * rebuild, never a stale read).
 */
export class InventoryVersionRepository {
  constructor(private readonly store: ClickHouseStore) {}

  async current(): Promise<string> {
    const t = (name: string) => this.store.table(name);
    const [row] = await this.store.select<Record<string, number | string>>(`
      SELECT
        (SELECT count() FROM ${t('calls')}) AS calls,
        (SELECT count() FROM ${t('endpoint_stats')}) AS stats,
        (SELECT max(version) FROM ${t('templater_states')}) AS templaters,
        (SELECT max(version) FROM ${t('endpoint_profiles')}) AS profiles,
        (SELECT count() FROM ${t('endpoint_profiles')}) AS profile_rows,
        (SELECT max(seq) FROM ${t('template_corrections')}) AS corrections,
        (SELECT count() FROM ${t('reference_specs')}) AS specs`);
    return [row.calls, row.stats, row.templaters, row.profiles, row.profile_rows, row.corrections, row.specs]
      .map(String)
      .join(':');
  }
}
