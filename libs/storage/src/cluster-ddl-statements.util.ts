import { type ClusterTableState, clusterAlter } from './cluster-alter.util';
import { type ClusterDdlOptions } from './cluster-ddl-options.type';
import { ClusterDdlException, ClusterDdlExceptionCode } from './cluster-ddl.exception';
import { clusterTable } from './cluster-table.util';
import { type Migration } from './migration.runner';
import { parseMigrationStatement } from './migration-statement.parser';

export type ClusterStatementRole = 'database' | 'bookkeeping' | 'local' | 'distributed' | 'alter' | 'record';

export interface ClusterStatement {
  role: ClusterStatementRole;
  sql: string;
  /** The migration it comes from (`local`, `distributed`, `alter`). */
  migration?: Pick<Migration, 'version' | 'name'>;
  /** The table the apps query (`calls`), for `local`/`distributed`/`alter`. */
  table?: string;
}

/** Same name as the embedded runner's bookkeeping table: the apps read it to skip applied migrations. */
export const MIGRATIONS_TABLE = 'schema_migrations';
const DATABASE = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const CLUSTER = /^[A-Za-z0-9_.-]{1,128}$/;

const sqlString = (value: string) => `'${value.replace(/[\\']/g, (c) => `\\${c}`)}'`;

function validate(options: ClusterDdlOptions): void {
  const bad = (why: string): never => {
    throw new ClusterDdlException(ClusterDdlExceptionCode.INVALID_OPTION, why);
  };
  if (!DATABASE.test(options.database)) bad(`database "${options.database}" is not an identifier`);
  if (!CLUSTER.test(options.cluster)) bad(`cluster "${options.cluster}": use letters, digits, _ . -`);
  for (const [table, days] of Object.entries(options.retentionDays))
    if (!Number.isInteger(days) || days < 0 || days > 36_500) bad(`retention of ${table}: 0 to 36500 days`);
}

/**
 * The cluster schema, statement by statement, from the same migrations embedded mode runs:
 * every `CREATE TABLE` becomes a Replicated `<t>_local` table plus a Distributed `<t>` in front of
 * it, every `ALTER` follows on both, all `ON CLUSTER`. The bookkeeping table is replicated to
 * every node (its Keeper path has no {shard}) and records the migrations as applied, so apps
 * started against the cluster find nothing left to migrate instead of creating plain tables.
 */
export function clusterDdlStatements(
  migrations: readonly Migration[],
  options: ClusterDdlOptions,
): ClusterStatement[] {
  validate(options);
  const { cluster, database } = options;
  const target = { cluster, database };
  const tables = new Map<string, ClusterTableState>();
  const statements: ClusterStatement[] = [
    { role: 'database', sql: `CREATE DATABASE IF NOT EXISTS ${database} ON CLUSTER '${cluster}'` },
    {
      role: 'bookkeeping',
      sql: [
        `CREATE TABLE IF NOT EXISTS ${database}.${MIGRATIONS_TABLE} ON CLUSTER '${cluster}'`,
        `(version UInt32, name String, checksum String, applied_at DateTime64(3, 'UTC') DEFAULT now64(3))`,
        `ENGINE = ReplicatedMergeTree('/clickhouse/tables/all/{database}/${MIGRATIONS_TABLE}', '{shard}-{replica}')`,
        'ORDER BY version',
      ].join('\n'),
    },
  ];
  for (const migration of migrations) {
    const origin = { version: migration.version, name: migration.name };
    for (const sql of migration.statements) {
      let parsed;
      try {
        parsed = parseMigrationStatement(sql);
      } catch (error) {
        if (!(error instanceof ClusterDdlException)) throw error;
        const id = `${String(migration.version).padStart(3, '0')}-${migration.name}`;
        throw new ClusterDdlException(error.code, `migration ${id}: ${error.message}`);
      }
      if (parsed.kind === 'alter-table') {
        for (const alter of clusterAlter(parsed, target, tables.get(parsed.table)))
          statements.push({ role: 'alter', sql: alter, migration: origin, table: parsed.table });
        continue;
      }
      const taken = new Set([...tables.keys()].flatMap((t) => [t, `${t}_local`]));
      if (taken.has(parsed.table) || taken.has(`${parsed.table}_local`))
        throw new ClusterDdlException(
          ClusterDdlExceptionCode.INCONSISTENT_SCHEMA,
          `migration ${migration.version}: table ${parsed.table} collides with a table or its _local twin`,
        );
      const days = options.retentionDays[parsed.table];
      const pair = clusterTable(parsed, target, days);
      tables.set(parsed.table, {
        shardingColumns: pair.shardingColumns,
        retentionConfigured: days !== undefined,
      });
      statements.push({ role: 'local', sql: pair.local, migration: origin, table: parsed.table });
      statements.push({ role: 'distributed', sql: pair.distributed, migration: origin, table: parsed.table });
    }
  }
  const unknown = Object.keys(options.retentionDays).filter((t) => !tables.has(t));
  if (unknown.length > 0)
    throw new ClusterDdlException(
      ClusterDdlExceptionCode.INVALID_OPTION,
      `retention for unknown table ${unknown[0]}`,
    );
  if (migrations.length > 0) {
    const rows = migrations.map((m) => `(${m.version}, ${sqlString(m.name)}, ${sqlString(m.checksum)})`);
    statements.push({
      role: 'record',
      sql: [
        `INSERT INTO ${database}.${MIGRATIONS_TABLE} (version, name, checksum)`,
        'SELECT version, name, checksum',
        `FROM values('version UInt32, name String, checksum String',\n    ${rows.join(',\n    ')})`,
        `WHERE version NOT IN (SELECT version FROM ${database}.${MIGRATIONS_TABLE})`,
      ].join('\n'),
    });
  }
  return statements;
}
