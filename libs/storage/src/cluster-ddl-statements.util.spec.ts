import { type ClusterDdlOptions } from './cluster-ddl-options.type';
import { clusterDdlStatements } from './cluster-ddl-statements.util';
import { renderClusterDdl } from './cluster-ddl.util';
import { ClusterDdlException, type ClusterDdlExceptionCode } from './cluster-ddl.exception';
import { type Migration, loadMigrations, splitStatements } from './migration.runner';

const OPTIONS: ClusterDdlOptions = { cluster: 'prod-eu', database: 'aps', retentionDays: {} };
const migration = (version: number, name: string, ...statements: string[]): Migration => ({
  version,
  name,
  statements,
  checksum: `sum${version}`,
});
const table = (name: string, columns: string, engine: string, tail = '') =>
  `CREATE TABLE IF NOT EXISTS {{db}}.${name} (${columns}) ENGINE = ${engine} ${tail}`;
const sqlOf = (migrations: Migration[], options: Partial<ClusterDdlOptions> = {}) =>
  clusterDdlStatements(migrations, { ...OPTIONS, ...options });
const codeOf = (run: () => unknown): ClusterDdlExceptionCode | undefined => {
  try {
    run();
  } catch (error) {
    if (error instanceof ClusterDdlException) return error.code;
    throw error;
  }
  return undefined;
};

describe(clusterDdlStatements.name, () => {
  describe('on the real migrations', () => {
    const migrations = loadMigrations();
    const statements = sqlOf(migrations);
    // Oracle: what the migration text itself says, read with regexes rather than the parser.
    const created = migrations.flatMap((m) =>
      // CREATE TABLE statements only: ALTERs (e.g. migration 009) have their own checks
      m.statements
        .filter((s) => /^CREATE TABLE/i.test(s.trim()))
        .map((s) => {
          const [, name, engine, args] =
            /\{\{db\}\}\.(\w+)[\s\S]*ENGINE = (\w+)(?:\(([^)]*)\))?/.exec(s) ?? [];
          return { name, engine, args, service: /^\s+service\s/m.test(s), text: s };
        }),
    );

    it.each(created.map((c) => [c.name, c]))(
      'should create %s as a replicated local table on the cluster',
      (_, c) => {
        const local = statements.find((s) => s.role === 'local' && s.table === c.name)!.sql;
        expect(local).toMatch(
          new RegExp(`^CREATE TABLE IF NOT EXISTS aps\\.${c.name}_local ON CLUSTER 'prod-eu'\\n`),
        );
        const replicaArgs = `'/clickhouse/tables/{shard}/{database}/${c.name}_local', '{replica}'`;
        expect(local).toContain(
          `ENGINE = Replicated${c.engine}(${[replicaArgs, c.args].filter(Boolean).join(', ')})\n`,
        );
        expect(local).not.toContain('non_replicated_deduplication_window');
        if (c.text.includes('non_replicated_deduplication_window = 10000'))
          expect(local).toContain('replicated_deduplication_window = 10000');
        for (const clause of ['ORDER BY', 'PARTITION BY', 'TTL']) {
          const own = new RegExp(`^${clause} (.+)$`, 'm').exec(c.text)?.[1];
          if (own !== undefined) expect(local).toContain(`\n${clause} ${own}`);
        }
      },
    );

    it.each(created.map((c) => [c.name, c]))('should put a Distributed %s in front of it', (_, c) => {
      const at = statements.findIndex((s) => s.role === 'distributed' && s.table === c.name);
      expect(statements[at - 1]).toMatchObject({ role: 'local', table: c.name });
      const key = c.service ? 'cityHash64(service)' : c.engine === 'MergeTree' ? 'rand()' : 'cityHash64(';
      expect(statements[at].sql).toContain(
        `CREATE TABLE IF NOT EXISTS aps.${c.name} ON CLUSTER 'prod-eu'\nAS aps.${c.name}_local\nENGINE = Distributed('prod-eu', aps, ${c.name}_local, ${key}`,
      );
    });

    it('should create the database and bookkeeping first and record every migration last', () => {
      expect(statements.slice(0, 2).map((s) => s.role)).toEqual(['database', 'bookkeeping']);
      expect(statements[0].sql).toBe("CREATE DATABASE IF NOT EXISTS aps ON CLUSTER 'prod-eu'");
      expect(statements[1].sql).toContain(
        "ReplicatedMergeTree('/clickhouse/tables/all/{database}/schema_migrations'",
      );
      const record = statements[statements.length - 1];
      expect(record.role).toBe('record');
      for (const m of migrations)
        expect(record.sql).toContain(`(${m.version}, '${m.name}', '${m.checksum}')`);
      expect(record.sql).toContain('WHERE version NOT IN (SELECT version FROM aps.schema_migrations)');
    });

    it('should render a file that splits back into the same statements', () => {
      const file = renderClusterDdl(migrations, OPTIONS);
      expect(splitStatements(file)).toEqual(statements.map((s) => s.sql));
    });
  });

  it('should replace or drop a table TTL with the configured retention', () => {
    const migrations = loadMigrations();
    const local = (t: string, days: Record<string, number>) =>
      sqlOf(migrations, { retentionDays: days }).find((s) => s.role === 'local' && s.table === t)!.sql;
    expect(local('calls', { calls: 7 })).toContain('\nTTL toDateTime(ts) + INTERVAL 7 DAY\n');
    expect(local('calls', {})).not.toContain('TTL');
    expect(local('dead_letters', { dead_letters: 0 })).not.toContain('TTL');
    expect(local('dead_letters', { dead_letters: 90 })).toContain('\nTTL toDateTime(ts) + INTERVAL 90 DAY\n');
  });

  it.each([
    ['ReplacingMergeTree(v)', 'id String, v UInt64', 'id', "'{replica}', v)", 'cityHash64(id)'],
    [
      'SummingMergeTree((n))',
      'k String, n UInt64',
      '(k, toDate(t))',
      "'{replica}', (n))",
      'cityHash64(k, toDate(t))',
    ],
    [
      'CollapsingMergeTree(sign)',
      'service String, k String, sign Int8',
      '(k)',
      "'{replica}', sign)",
      'cityHash64(k)',
    ],
    [
      'AggregatingMergeTree',
      'service String, k String',
      '(service, k)',
      "'{replica}')",
      'cityHash64(service)',
    ],
    ['MergeTree', 'k String', 'k', "'{replica}')", 'rand()'],
  ])('should map %s and shard rows that merge together', (engine, columns, orderBy, args, key) => {
    const [, , local, distributed] = sqlOf([
      migration(1, 'create-t', table('t', columns, engine, `ORDER BY ${orderBy}`)),
    ]);
    expect(local.sql).toContain(
      `ENGINE = Replicated${engine.replace(/\(.*/, '')}('/clickhouse/tables/{shard}/{database}/t_local', ${args}`,
    );
    expect(distributed.sql).toMatch(new RegExp(`, ${key.replace(/[()]/g, '\\$&')}\\)$`));
  });

  it('should follow an ALTER on the local table, and on the Distributed one for column changes', () => {
    const migrations = [
      migration(1, 'create-t', table('t', 'service String, a UInt8', 'MergeTree', 'ORDER BY service')),
      migration(
        2,
        'alter-t',
        "ALTER TABLE {{db}}.t ADD COLUMN b String DEFAULT '' AFTER a, ADD INDEX ib b TYPE set(10) GRANULARITY 1",
      ),
      migration(3, 'tune-t', 'ALTER TABLE {{db}}.t MODIFY SETTING non_replicated_deduplication_window = 5'),
    ];
    const alters = sqlOf(migrations).filter((s) => s.role === 'alter');
    expect(alters.map((s) => s.sql)).toEqual([
      "ALTER TABLE aps.t_local ON CLUSTER 'prod-eu'\n    ADD COLUMN IF NOT EXISTS b String DEFAULT '' AFTER a,\n    ADD INDEX IF NOT EXISTS ib b TYPE set(10) GRANULARITY 1",
      "ALTER TABLE aps.t ON CLUSTER 'prod-eu'\n    ADD COLUMN IF NOT EXISTS b String DEFAULT '' AFTER a",
      "ALTER TABLE aps.t_local ON CLUSTER 'prod-eu'\n    MODIFY SETTING replicated_deduplication_window = 5",
    ]);
  });

  it.each([
    [
      'an engine with no replicated form',
      [table('t', 'a UInt8', 'Memory', 'ORDER BY a')],
      {},
      'UNSUPPORTED_ENGINE',
    ],
    [
      'an already replicated engine',
      [table('t', 'a UInt8', "ReplicatedMergeTree('/p', 'r')", 'ORDER BY a')],
      {},
      'UNSUPPORTED_ENGINE',
    ],
    [
      'a merging engine without key',
      [table('t', 'a UInt8', 'ReplacingMergeTree', 'ORDER BY tuple()')],
      {},
      'UNSUPPORTED_ENGINE',
    ],
    ['a statement it does not understand', ['CREATE VIEW {{db}}.v AS SELECT 1'], {}, 'UNSUPPORTED_STATEMENT'],
    [
      'an ALTER of an unknown table',
      ['ALTER TABLE {{db}}.nope ADD COLUMN a UInt8'],
      {},
      'INCONSISTENT_SCHEMA',
    ],
    [
      'a table and its _local twin',
      [
        table('t', 'a UInt8', 'MergeTree', 'ORDER BY a'),
        table('t_local', 'a UInt8', 'MergeTree', 'ORDER BY a'),
      ],
      {},
      'INCONSISTENT_SCHEMA',
    ],
    [
      'a _local table and its twin',
      [
        table('t_local', 'a UInt8', 'MergeTree', 'ORDER BY a'),
        table('t', 'a UInt8', 'MergeTree', 'ORDER BY a'),
      ],
      {},
      'INCONSISTENT_SCHEMA',
    ],
    [
      'dropping the sharding column',
      [
        table('t', 'service String', 'MergeTree', 'ORDER BY service'),
        'ALTER TABLE {{db}}.t DROP COLUMN service',
      ],
      {},
      'INCONSISTENT_SCHEMA',
    ],
    [
      'a TTL change under a configured retention',
      [
        table('t', 'ts DateTime', 'MergeTree', 'ORDER BY ts'),
        'ALTER TABLE {{db}}.t MODIFY TTL ts + INTERVAL 1 DAY',
      ],
      { retentionDays: { t: 3 } },
      'INVALID_OPTION',
    ],
    [
      'retention for a table without ts',
      [table('t', 'a UInt8', 'MergeTree', 'ORDER BY a')],
      { retentionDays: { t: 3 } },
      'INVALID_OPTION',
    ],
    [
      'retention for an unknown table',
      [table('t', 'ts DateTime', 'MergeTree', 'ORDER BY ts')],
      { retentionDays: { x: 3 } },
      'INVALID_OPTION',
    ],
    [
      'a fractional retention',
      [table('t', 'ts DateTime', 'MergeTree', 'ORDER BY ts')],
      { retentionDays: { t: 1.5 } },
      'INVALID_OPTION',
    ],
    ['a quote in the cluster name', [], { cluster: "c'" }, 'INVALID_OPTION'],
    ['a database that is not an identifier', [], { database: 'a-b' }, 'INVALID_OPTION'],
  ])('should refuse %s', (_, statements, options, code) => {
    const migrations = statements.map((s, k) => migration(k + 1, `step-${k + 1}`, s));
    expect(codeOf(() => sqlOf(migrations, options))).toBe(code);
  });

  it('should name the migration a refused statement comes from', () => {
    const migrations = [migration(7, 'create-view', 'CREATE VIEW {{db}}.v AS SELECT 1')];
    expect(() => sqlOf(migrations)).toThrow(/migration 007-create-view: /);
  });
});
