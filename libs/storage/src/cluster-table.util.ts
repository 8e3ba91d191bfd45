import { ClusterDdlException, ClusterDdlExceptionCode } from './cluster-ddl.exception';
import { type CreateTableStatement, TABLE_CLAUSES, type SettingAssignment } from './migration-statement.type';
import { splitTokens, tokenizeSql, tokensText } from './sql-token.util';

export interface ClusterTarget {
  cluster: string;
  database: string;
}

export interface ClusterTable {
  /** `<t>_local ON CLUSTER` with the Replicated engine: where the rows live. */
  local: string;
  /** `<t> ON CLUSTER` with the Distributed engine, under the name the apps query. */
  distributed: string;
  shardingKey: string;
  /** Column names the sharding key reads: a later migration may not drop or rename them. */
  shardingColumns: string[];
}

/** Embedded mode's deduplication of re-sent batches becomes the replicated tables' own. */
const SETTING_RENAMES: Record<string, string> = {
  non_replicated_deduplication_window: 'replicated_deduplication_window',
};

export function renameSettings(settings: readonly SettingAssignment[]): SettingAssignment[] {
  const renamed = settings.map((s) => ({ name: SETTING_RENAMES[s.name] ?? s.name, value: s.value }));
  const names = renamed.map((s) => s.name);
  const twice = names.find((n, k) => names.indexOf(n) !== k);
  if (twice !== undefined)
    throw new ClusterDdlException(
      ClusterDdlExceptionCode.INCONSISTENT_SCHEMA,
      `setting ${twice} given twice`,
    );
  return renamed;
}

/** `(a, b)` -> [a, b]; `tuple()` -> []; `a` -> [a]. */
function keyItems(expression: string): string[] {
  const tokens = tokenizeSql(expression);
  const last = tokens.length - 1;
  if (/^tuple$/i.test(tokens[0]?.text ?? '') && tokens.length === 3) return [];
  const wrapped = tokens[0]?.text === '(' && tokens.slice(1, last).every((t) => t.depth > 0);
  if (!wrapped) return [expression];
  return splitTokens(tokens.slice(1, last), 1).map((item) => tokensText(expression, item));
}

/**
 * Which shard a row goes to. A service's rows stay together (`cityHash64(service)`), which also keeps
 * every merge key of a service-keyed aggregate on one shard. Other merging engines (Replacing,
 * Aggregating...) hash their ORDER BY key: rows that ClickHouse merges, and that FINAL or argMax
 * readers combine, must share a shard. Plain MergeTree tables without a service spread at random.
 */
function shardingOf(create: CreateTableStatement): { key: string; columns: string[] } {
  const orderBy = keyItems(create.clauses['ORDER BY'] ?? '');
  const plain = create.engine.name === 'MergeTree';
  const hasService = create.columns.some((c) => c.name === 'service');
  if (hasService && (plain || orderBy.includes('service')))
    return { key: 'cityHash64(service)', columns: ['service'] };
  if (plain) return { key: 'rand()', columns: [] };
  if (orderBy.length === 0)
    throw new ClusterDdlException(
      ClusterDdlExceptionCode.UNSUPPORTED_ENGINE,
      `${create.table}: a ${create.engine.name} with an empty ORDER BY cannot be sharded by its key`,
    );
  return { key: `cityHash64(${orderBy.join(', ')})`, columns: orderBy.filter((i) => /^\w+$/.test(i)) };
}

/** MergeTree -> ReplicatedMergeTree(path, replica), XMergeTree(args) -> ReplicatedXMergeTree(path, replica, args). */
function replicatedEngine(table: string, engine: CreateTableStatement['engine']): string {
  if (!/^[A-Za-z]*MergeTree$/.test(engine.name) || /^(Replicated|Shared)/.test(engine.name))
    throw new ClusterDdlException(
      ClusterDdlExceptionCode.UNSUPPORTED_ENGINE,
      `${table}: engine ${engine.name} has no replicated form here (migrations use the non-replicated MergeTree family)`,
    );
  const args = [`'/clickhouse/tables/{shard}/{database}/${table}'`, `'{replica}'`, ...engine.args];
  return `Replicated${engine.name}(${args.join(', ')})`;
}

/** Maps one migration table to its cluster pair; `retentionDays` replaces the table's TTL (0 drops it). */
export function clusterTable(
  create: CreateTableStatement,
  target: ClusterTarget,
  retentionDays?: number,
): ClusterTable {
  const { cluster, database } = target;
  const local = `${create.table}_local`;
  const clauses = { ...create.clauses };
  if (retentionDays !== undefined) {
    const ts = create.columns.find((c) => c.name === 'ts');
    if (!ts || !/^(Date|DateTime|DateTime64)\b/.test(ts.type))
      throw new ClusterDdlException(
        ClusterDdlExceptionCode.INVALID_OPTION,
        `retention for ${create.table} needs a Date/DateTime column named ts`,
      );
    if (retentionDays > 0) clauses.TTL = `toDateTime(ts) + INTERVAL ${retentionDays} DAY`;
    else delete clauses.TTL;
  }
  const settings = renameSettings(create.settings);
  const lines = [
    `CREATE TABLE IF NOT EXISTS ${database}.${local} ON CLUSTER '${cluster}'`,
    '(',
    create.elements.map((e) => `    ${e}`).join(',\n'),
    ')',
    `ENGINE = ${replicatedEngine(local, create.engine)}`,
    ...TABLE_CLAUSES.filter((c) => clauses[c] !== undefined).map((c) => `${c} ${clauses[c]}`),
    ...(settings.length > 0 ? [`SETTINGS ${settings.map((s) => `${s.name} = ${s.value}`).join(', ')}`] : []),
  ];
  const sharding = shardingOf(create);
  return {
    local: lines.join('\n'),
    distributed: [
      `CREATE TABLE IF NOT EXISTS ${database}.${create.table} ON CLUSTER '${cluster}'`,
      `AS ${database}.${local}`,
      `ENGINE = Distributed('${cluster}', ${database}, ${local}, ${sharding.key})`,
    ].join('\n'),
    shardingKey: sharding.key,
    shardingColumns: sharding.columns,
  };
}
