import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
  DEFAULT_CLUSTER_DDL_OPTIONS,
  loadMigrations,
  renderClusterDdl,
  splitStatements,
} from '@apiscope/storage';

import { REPO_ROOT } from '../support/corpus';

const FILE = join(REPO_ROOT, 'deploy', 'clickhouse', 'cluster.sql');
const TOOL = join(REPO_ROOT, 'tools', 'generate-cluster-ddl.cjs');
const { cluster, database } = DEFAULT_CLUSTER_DDL_OPTIONS;

const committed = readFileSync(FILE, 'utf8');
const statements = splitStatements(committed);
const migrations = loadMigrations();
// The oracle for what each table must become is read from the migration files with plain regexes,
// independently of the generator's parser.
const tables = migrations.flatMap((m) =>
  m.statements
    .filter((s) => /^CREATE TABLE/.test(s))
    .map((s) => {
      const [, name, engine, args] = /\{\{db\}\}\.(\w+)[\s\S]*ENGINE = (\w+)(?:\(([^)]*)\))?/.exec(s) ?? [];
      return { name, engine, args, service: /^\s+service\s/m.test(s) };
    }),
);
const statementOf = (head: string) => {
  const found = statements.filter((s) => s.startsWith(head));
  expect(found).toHaveLength(1);
  return found[0];
};
const runTool = (...args: string[]) =>
  spawnSync(process.execPath, [TOOL, ...args], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 60_000 });

// runs the generator script: slow on a loaded 2-core machine
jest.setTimeout(120_000);

describe('deploy/clickhouse/cluster.sql', () => {
  it('should be what the migrations generate (run `npm run ddl:cluster` after changing a migration)', () => {
    expect(committed).toBe(renderClusterDdl(migrations, DEFAULT_CLUSTER_DDL_OPTIONS));
  });

  it('should run every statement but the final INSERT on the whole cluster', () => {
    const ddl = statements.slice(0, -1);
    expect(ddl.length).toBeGreaterThan(tables.length * 2);
    for (const s of ddl) expect(s).toMatch(new RegExp(`^(CREATE|ALTER) [^\\n]* ON CLUSTER '${cluster}'`));
    expect(statements[statements.length - 1]).toMatch(/^INSERT INTO /);
  });

  it.each(tables.map((t) => [t.name, t]))(
    'should create %s_local with the Replicated form of its engine',
    (_, t) => {
      const local = statementOf(
        `CREATE TABLE IF NOT EXISTS ${database}.${t.name}_local ON CLUSTER '${cluster}'`,
      );
      const keeper = `'/clickhouse/tables/{shard}/{database}/${t.name}_local', '{replica}'`;
      expect(local).toContain(
        `\nENGINE = Replicated${t.engine}(${[keeper, t.args].filter(Boolean).join(', ')})\n`,
      );
    },
  );

  it.each(tables.map((t) => [t.name, t]))('should put a Distributed %s over the local tables', (_, t) => {
    const distributed = statementOf(
      `CREATE TABLE IF NOT EXISTS ${database}.${t.name} ON CLUSTER '${cluster}'`,
    );
    const key = t.service
      ? 'cityHash64\\(service\\)'
      : t.engine === 'MergeTree'
        ? 'rand\\(\\)'
        : 'cityHash64\\(.+\\)';
    expect(distributed).toMatch(
      new RegExp(
        `\\nAS ${database}\\.${t.name}_local\\nENGINE = Distributed\\('${cluster}', ${database}, ${t.name}_local, ${key}\\)$`,
      ),
    );
    expect(statements.indexOf(distributed)).toBeGreaterThan(
      statements.findIndex((s) => s.includes(`${database}.${t.name}_local ON CLUSTER`)),
    );
  });

  it('should give every replicated table its own Keeper path, with the shard and replica macros', () => {
    const engines = [...committed.matchAll(/ENGINE = Replicated\w*\('([^']+)', '([^']+)'/g)];
    expect(engines.length).toBe(tables.length + 1);
    const paths = engines.map((e) => e[1]);
    expect(new Set(paths).size).toBe(paths.length);
    for (const [, path, replica] of engines) {
      const everyNode = path.endsWith('/schema_migrations');
      expect(path).toMatch(
        everyNode
          ? /^\/clickhouse\/tables\/all\/\{database\}\//
          : /^\/clickhouse\/tables\/\{shard\}\/\{database\}\//,
      );
      expect(replica).toBe(everyNode ? '{shard}-{replica}' : '{replica}');
    }
  });

  it('should replace embedded deduplication with replicated deduplication and keep raw calls for the configured days', () => {
    expect(committed).not.toContain('non_replicated_deduplication_window');
    const days = DEFAULT_CLUSTER_DDL_OPTIONS.retentionDays['calls'];
    expect(statementOf(`CREATE TABLE IF NOT EXISTS ${database}.calls_local`)).toContain(
      `\nTTL toDateTime(ts) + INTERVAL ${days} DAY\n`,
    );
  });

  it('should record every migration as applied', () => {
    const insert = statements[statements.length - 1];
    for (const m of migrations) expect(insert).toContain(`(${m.version}, '${m.name}', '${m.checksum}')`);
  });

  describe('tools/generate-cluster-ddl.cjs', () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'apiscope-ddl-'));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('should find the committed file up to date and a changed copy out of date', () => {
      expect(runTool('--check')).toMatchObject({ status: 0 });
      const stale = join(dir, 'stale.sql');
      copyFileSync(FILE, stale);
      writeFileSync(stale, committed.replace('INTERVAL', 'INTERVAL 1 +'));
      expect(runTool('--check', '--out', stale)).toMatchObject({ status: 1 });
    });

    it('should write a file for another cluster, database and retention', () => {
      const out = join(dir, 'custom.sql');
      const run = runTool(
        '--cluster',
        'prod-eu',
        '--database',
        'aps',
        '--retention',
        'calls=90',
        '--out',
        out,
      );
      expect(run.status).toBe(0);
      const text = readFileSync(out, 'utf8');
      expect(text).toContain("CREATE TABLE IF NOT EXISTS aps.calls_local ON CLUSTER 'prod-eu'");
      expect(text).toContain('TTL toDateTime(ts) + INTERVAL 90 DAY');
    });

    it('should refuse a bad option with exit code 2 and one line on stderr', () => {
      const run = runTool('--retention', 'calls=soon', '--out', join(dir, 'never.sql'));
      expect(run.status).toBe(2);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
    });
  });
});
