import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ClickHouseStore } from './clickhouse-store';
import { DEFAULT_CLUSTER_DDL_OPTIONS } from './cluster-ddl-options.type';
import { type ClusterStatement, MIGRATIONS_TABLE, clusterDdlStatements } from './cluster-ddl-statements.util';
import { loadMigrations, runMigrations } from './migration.runner';

const EMBEDDED = 'apiscope_embedded';
const CLUSTER = 'apiscope_cluster';

/**
 * Embedded ClickHouse has no Keeper and no cluster, so the local half of the cluster DDL runs here
 * with its Replicated engines turned back into the plain ones and without ON CLUSTER: what stays
 * is exactly the column, key, TTL and settings text the cluster runs. (test/deploy runs the
 * Replicated and Distributed statements themselves against chdb with the example cluster config.)
 */
function embeddedForm(s: ClusterStatement): string | undefined {
  if (s.role === 'distributed' || (s.role === 'alter' && !/^ALTER TABLE \S+_local /.test(s.sql)))
    return undefined;
  return s.sql
    .replace(/ ON CLUSTER '[^']*'/g, '')
    .replace(/Replicated(\w*MergeTree)\('[^']*', '[^']*'(?:, )?/, '$1(')
    .replace(/\breplicated_deduplication_window\b/g, 'non_replicated_deduplication_window');
}

interface ColumnRow {
  name: string;
  type: string;
  default_kind: string;
  default_expression: string;
  position: string;
}

// opens embedded ClickHouse: slow on a loaded 2-core machine
jest.setTimeout(120_000);

describe(clusterDdlStatements.name, () => {
  let dir: string;
  let store: ClickHouseStore;
  const migrations = loadMigrations();
  const statements = clusterDdlStatements(migrations, { ...DEFAULT_CLUSTER_DDL_OPTIONS, database: CLUSTER });
  const tables = statements.filter((s) => s.role === 'local').map((s) => s.table!);
  const rows = async <T>(query: string, params: Record<string, unknown> = {}) =>
    store.client.query({ query, query_params: params, format: 'JSONEachRow' }).then((r) => r.json<T>());
  const columns = (database: string, table: string) =>
    rows<ColumnRow>(
      'SELECT name, type, default_kind, default_expression, position FROM system.columns WHERE database = {db:String} AND table = {t:String} ORDER BY position',
      { db: database, t: table },
    );
  const tableRow = async (database: string, table: string) =>
    (
      await rows<{
        engine: string;
        engine_full: string;
        sorting_key: string;
        partition_key: string;
        primary_key: string;
      }>(
        'SELECT engine, engine_full, sorting_key, partition_key, primary_key FROM system.tables WHERE database = {db:String} AND name = {t:String}',
        { db: database, t: table },
      )
    )[0];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'apiscope-cluster-ddl-'));
    store = await ClickHouseStore.open({ dataDir: dir, database: EMBEDDED });
    await runMigrations(store, migrations);
    for (const s of statements) {
      const sql = embeddedForm(s);
      if (sql !== undefined) await store.client.command({ query: sql });
    }
  });

  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('should have a local table for every table the migrations create', async () => {
    const embedded = await rows<{ name: string }>(
      'SELECT name FROM system.tables WHERE database = {db:String} AND name != {m:String} ORDER BY name',
      { db: EMBEDDED, m: MIGRATIONS_TABLE },
    );
    expect([...tables].sort()).toEqual(embedded.map((r) => r.name));
  });

  it('should give every local table the columns, engine and keys of its embedded table', async () => {
    for (const table of tables) {
      expect({ table, columns: await columns(CLUSTER, `${table}_local`) }).toEqual({
        table,
        columns: await columns(EMBEDDED, table),
      });
      const [local, embedded] = [await tableRow(CLUSTER, `${table}_local`), await tableRow(EMBEDDED, table)];
      expect({
        table,
        engine: local.engine,
        keys: [local.sorting_key, local.partition_key, local.primary_key],
      }).toEqual({
        table,
        engine: embedded.engine,
        keys: [embedded.sorting_key, embedded.partition_key, embedded.primary_key],
      });
    }
  });

  it('should keep a migration TTL and put the configured retention on calls', async () => {
    const ttl = (engineFull: string) => /\bTTL (.*?)(?: SETTINGS|$)/.exec(engineFull)?.[1];
    expect(ttl((await tableRow(CLUSTER, 'dead_letters_local')).engine_full)).toBe(
      ttl((await tableRow(EMBEDDED, 'dead_letters')).engine_full),
    );
    expect(ttl((await tableRow(EMBEDDED, 'calls')).engine_full)).toBeUndefined();
    expect(ttl((await tableRow(CLUSTER, 'calls_local')).engine_full)).toBe(
      `toDateTime(ts) + toIntervalDay(${DEFAULT_CLUSTER_DDL_OPTIONS.retentionDays['calls']})`,
    );
  });

  it('should create the bookkeeping table the migration runner creates', async () => {
    expect(await columns(CLUSTER, MIGRATIONS_TABLE)).toEqual(await columns(EMBEDDED, MIGRATIONS_TABLE));
  });

  it('should record every migration once, even when the script runs again, so the apps apply none', async () => {
    const record = embeddedForm(statements.find((s) => s.role === 'record')!)!;
    await store.client.command({ query: record });
    await store.client.command({ query: record });
    const recorded = await rows<{ version: number; n: number | string }>(
      `SELECT version, count() AS n FROM ${CLUSTER}.${MIGRATIONS_TABLE} GROUP BY version ORDER BY version`,
    );
    expect(recorded.map((r) => [r.version, Number(r.n)])).toEqual(migrations.map((m) => [m.version, 1]));
    const app = await ClickHouseStore.open({ dataDir: dir, database: CLUSTER });
    try {
      expect(await runMigrations(app, migrations)).toEqual({
        applied: [],
        alreadyApplied: migrations.map((m) => m.version),
      });
    } finally {
      await app.close();
    }
  });
});
