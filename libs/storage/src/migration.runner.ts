import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { type ClickHouseStore } from './clickhouse-store';
import { StorageException, StorageExceptionCode } from './storage.exception';

export interface Migration {
  version: number;
  name: string;
  /** SQL statements with `{{db}}` standing for the database. */
  statements: string[];
  checksum: string;
}

const MIGRATIONS_DIR = join(__dirname, 'migrations');
const FILE_NAME = /^(\d{3})-([a-z0-9-]+)\.sql$/;

/** Splits a migration file on statement-ending semicolons (our migrations never quote `;\n`). */
export function splitStatements(sql: string): string[] {
  return sql
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.replace(/^\s*--.*$/gm, '').trim())
    .filter((s) => s !== '');
}

/** Reads `NNN-verb-noun.sql` files in version order; a gap or a duplicate version is a bug. */
export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  const migrations = readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((file) => {
      const m = FILE_NAME.exec(file);
      if (!m)
        throw new StorageException(
          StorageExceptionCode.MIGRATION_FAILED,
          `migration file ${file} is not named NNN-verb-noun.sql`,
        );
      const text = readFileSync(join(dir, file), 'utf8');
      return {
        version: Number(m[1]),
        name: m[2],
        statements: splitStatements(text),
        checksum: createHash('sha256').update(text).digest('hex').slice(0, 16),
      };
    });
  migrations.forEach((m, i) => {
    if (m.version !== i + 1)
      throw new StorageException(
        StorageExceptionCode.MIGRATION_FAILED,
        `migration versions must run 1..n without gaps; found ${m.version} at position ${i + 1}`,
      );
  });
  return migrations;
}

export function renderStatement(statement: string, database: string): string {
  return statement.replace(/\{\{db\}\}/g, database);
}

export interface MigrationReport {
  applied: number[];
  alreadyApplied: number[];
}

/**
 * Brings the schema up to date. Idempotent: applied versions are recorded in `schema_migrations`,
 * and every statement is `IF NOT EXISTS`, so a run interrupted between a statement and its record
 * is safely repeated.
 */
export async function runMigrations(
  store: ClickHouseStore,
  migrations = loadMigrations(),
): Promise<MigrationReport> {
  const table = store.table('schema_migrations');
  try {
    await store.client.command({
      query: `CREATE TABLE IF NOT EXISTS ${table} (version UInt32, name String, checksum String, applied_at DateTime64(3, 'UTC') DEFAULT now64(3)) ENGINE = MergeTree ORDER BY version`,
    });
    const done = await store.client
      .query({ query: `SELECT DISTINCT version FROM ${table}`, format: 'JSONEachRow' })
      .then((r) => r.json<{ version: number | string }>());
    const doneSet = new Set(done.map((r) => Number(r.version)));
    const report: MigrationReport = { applied: [], alreadyApplied: [] };
    for (const migration of migrations) {
      if (doneSet.has(migration.version)) {
        report.alreadyApplied.push(migration.version);
        continue;
      }
      for (const statement of migration.statements)
        await store.client.command({ query: renderStatement(statement, store.database) });
      await store.client.insert({
        table,
        values: [{ version: migration.version, name: migration.name, checksum: migration.checksum }],
        format: 'JSONEachRow',
      });
      report.applied.push(migration.version);
    }
    return report;
  } catch (cause) {
    if (cause instanceof StorageException) throw cause;
    throw store.failure(cause, 'schema migration failed');
  }
}
