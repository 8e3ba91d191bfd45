import { ClusterDdlException } from './cluster-ddl.exception';
import { loadMigrations } from './migration.runner';
import { parseMigrationStatement } from './migration-statement.parser';
import { type AlterTableStatement, type CreateTableStatement } from './migration-statement.type';

const create = (sql: string) => parseMigrationStatement(sql) as CreateTableStatement;
const alter = (sql: string) => parseMigrationStatement(sql) as AlterTableStatement;

describe(parseMigrationStatement.name, () => {
  // The oracle for the real migrations is plain regexes over the file text, independent of the parser.
  // (CREATE TABLE statements; the ALTERs of the real migrations are checked by the ALTER cases below)
  describe.each(
    loadMigrations().flatMap((m) =>
      m.statements.filter((s) => /^CREATE TABLE/i.test(s.trim())).map((s) => [`${m.version}-${m.name}`, s]),
    ),
  )('on migration %s', (_, sql) => {
    it('should read the table, engine, ORDER BY and every column line', () => {
      const parsed = create(sql);
      expect(parsed.kind).toBe('create-table');
      expect(parsed.table).toBe(/\{\{db\}\}\.(\w+)/.exec(sql)?.[1]);
      expect(parsed.engine.name).toBe(/ENGINE\s*=\s*(\w+)/.exec(sql)?.[1]);
      expect(parsed.clauses['ORDER BY']).toBe(/ORDER BY ([^\n;]+)/.exec(sql)?.[1].trim());
      const columnLines = sql.split('\n').filter((l) => /^\s{4}\w+\s+\S/.test(l));
      expect(parsed.columns.map((c) => c.name)).toEqual(columnLines.map((l) => l.trim().split(/\s+/)[0]));
      expect(parsed.columns.every((c) => c.type !== '')).toBe(true);
    });
  });

  it('should read clauses in any order, comments, guards, indexes and computed columns', () => {
    const parsed = create(`
      CREATE TABLE {{db}}.t
      (
          \`odd name\` String COMMENT 'why, (really)',  -- trailing note
          ts DateTime DEFAULT now() CODEC(Delta, ZSTD),
          m Map(String, UInt8),
          INDEX idx_m mapKeys(m) TYPE bloom_filter GRANULARITY 4
      )
      ENGINE = SummingMergeTree((m))
      SETTINGS index_granularity = 1024, non_replicated_deduplication_window = 100
      ORDER BY (ts, \`odd name\`) TTL ts + INTERVAL 1 DAY PRIMARY KEY ts COMMENT 'the t table'`);
    expect(parsed.columns).toEqual([
      { name: 'odd name', type: 'String', computed: false },
      { name: 'ts', type: 'DateTime', computed: true },
      { name: 'm', type: 'Map(String, UInt8)', computed: false },
    ]);
    expect(parsed.elements[3]).toBe('INDEX idx_m mapKeys(m) TYPE bloom_filter GRANULARITY 4');
    expect(parsed.engine).toEqual({ name: 'SummingMergeTree', args: ['(m)'] });
    expect(parsed.clauses).toEqual({
      'ORDER BY': '(ts, `odd name`)',
      TTL: 'ts + INTERVAL 1 DAY',
      'PRIMARY KEY': 'ts',
      COMMENT: "'the t table'",
    });
    expect(parsed.settings).toEqual([
      { name: 'index_granularity', value: '1024' },
      { name: 'non_replicated_deduplication_window', value: '100' },
    ]);
  });

  it('should accept TTL rules with actions and targets', () => {
    const ttl = "d + INTERVAL 1 DAY TO VOLUME 'cold', d + INTERVAL 9 DAY DELETE WHERE x = 1";
    expect(
      create(`CREATE TABLE {{db}}.t (d Date, x UInt8) ENGINE = MergeTree ORDER BY d TTL ${ttl}`).clauses.TTL,
    ).toBe(ttl);
  });

  it('should read ALTER actions with their scope and add guards that make a re-run harmless', () => {
    const parsed = alter(`ALTER TABLE {{db}}.calls
        ADD COLUMN region LowCardinality(String) DEFAULT '' AFTER service,
        DROP COLUMN IF EXISTS old,
        RENAME COLUMN a TO b,
        ADD INDEX idx region TYPE set(100) GRANULARITY 2,
        MODIFY SETTING non_replicated_deduplication_window = 5`);
    expect(parsed.table).toBe('calls');
    expect(parsed.actions.map((a) => [a.verb, a.scope, a.guard, a.target])).toEqual([
      ['ADD COLUMN', 'columns', 'IF NOT EXISTS', 'region'],
      ['DROP COLUMN', 'columns', 'IF EXISTS', 'old'],
      ['RENAME COLUMN', 'columns', 'IF EXISTS', 'a'],
      ['ADD INDEX', 'storage', 'IF NOT EXISTS', 'idx'],
      ['MODIFY SETTING', 'storage', '', undefined],
    ]);
    expect(parsed.actions[0].column).toEqual({
      name: 'region',
      type: 'LowCardinality(String)',
      computed: true,
    });
    expect(parsed.actions[2].renamedTo).toBe('b');
    expect(parsed.actions[4].settings).toEqual([{ name: 'non_replicated_deduplication_window', value: '5' }]);
  });

  it.each([
    ['a materialized view', 'CREATE MATERIALIZED VIEW {{db}}.v TO {{db}}.t AS SELECT 1'],
    ['a table outside {{db}}', 'CREATE TABLE other.t (a UInt8) ENGINE = MergeTree ORDER BY a'],
    ['CREATE TABLE AS SELECT', 'CREATE TABLE {{db}}.t ENGINE = MergeTree ORDER BY a AS SELECT 1 AS a'],
    ['an unknown clause', 'CREATE TABLE {{db}}.t (a UInt8) ENGINE = MergeTree ORDER BY a FOO bar'],
    ['text before the first clause', 'CREATE TABLE {{db}}.t (a UInt8) ENGINE = MergeTree x ORDER BY a'],
    ['a missing ORDER BY', 'CREATE TABLE {{db}}.t (a UInt8) ENGINE = MergeTree PARTITION BY a'],
    ['a clause given twice', 'CREATE TABLE {{db}}.t (a UInt8) ENGINE = MergeTree ORDER BY a ORDER BY a'],
    ['an empty clause', 'CREATE TABLE {{db}}.t (a UInt8) ENGINE = MergeTree ORDER BY'],
    ['a malformed setting', 'CREATE TABLE {{db}}.t (a UInt8) ENGINE = MergeTree ORDER BY a SETTINGS x'],
    [
      'a column list item that is not a column',
      "CREATE TABLE {{db}}.t ('a' UInt8) ENGINE = MergeTree ORDER BY a",
    ],
    [
      'ON CLUSTER in a migration',
      "CREATE TABLE {{db}}.t ON CLUSTER 'c' (a UInt8) ENGINE = MergeTree ORDER BY a",
    ],
    ['two statements', 'CREATE TABLE {{db}}.t (a UInt8) ENGINE = MergeTree ORDER BY a; SELECT 1'],
    ['an INSERT', 'INSERT INTO {{db}}.t VALUES (1)'],
    ['a DROP TABLE', 'DROP TABLE {{db}}.t'],
    [
      'an unknown word after a TTL',
      'CREATE TABLE {{db}}.t (a Date) ENGINE = MergeTree ORDER BY a TTL a + INTERVAL 1 DAY FOO',
    ],
    [
      'a COMMENT that is not a string',
      'CREATE TABLE {{db}}.t (a UInt8) ENGINE = MergeTree ORDER BY a COMMENT x',
    ],
    ['an unknown word in MODIFY TTL', 'ALTER TABLE {{db}}.t MODIFY TTL a + INTERVAL 1 DAY BAR'],
    ['a mutation', 'ALTER TABLE {{db}}.t UPDATE a = 1 WHERE 1'],
    ['a DELETE', 'ALTER TABLE {{db}}.t DELETE WHERE a = 1'],
    ['an ALTER without action', 'ALTER TABLE {{db}}.t'],
    ['a RENAME COLUMN without TO', 'ALTER TABLE {{db}}.t RENAME COLUMN a b'],
    ['unbalanced brackets', 'CREATE TABLE {{db}}.t (a UInt8 ENGINE = MergeTree ORDER BY a'],
  ])('should refuse %s', (_, sql) => {
    expect(() => parseMigrationStatement(sql)).toThrow(ClusterDdlException);
  });
});
