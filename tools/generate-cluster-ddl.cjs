#!/usr/bin/env node
'use strict';
// `npm run ddl:cluster`: writes deploy/clickhouse/cluster.sql from the migrations embedded mode runs
// (libs/storage renderClusterDdl). Options make a file for another cluster name, database or retention:
//   npm run ddl:cluster -- --cluster prod --database apiscope --retention calls=90 --out my-cluster.sql
// `--check` writes nothing and exits 1 when the committed file is not what the migrations give.
const { readFileSync, writeFileSync } = require('node:fs');
const path = require('node:path');
const { parseArgs } = require('node:util');

const root = path.join(__dirname, '..');
process.env.SWC_NODE_PROJECT = path.join(root, 'apps', 'cli', 'tsconfig.runtime.json');
require('@swc-node/register');
const { loadMigrations } = require('../libs/storage/src/migration.runner.ts');
const { renderClusterDdl } = require('../libs/storage/src/cluster-ddl.util.ts');
const { DEFAULT_CLUSTER_DDL_OPTIONS } = require('../libs/storage/src/cluster-ddl-options.type.ts');

const COMMITTED = path.join(root, 'deploy', 'clickhouse', 'cluster.sql');

function fail(message) {
  process.stderr.write(`generate-cluster-ddl: ${message}\n`);
  process.exit(2);
}

let args;
try {
  args = parseArgs({
    options: {
      cluster: { type: 'string', default: DEFAULT_CLUSTER_DDL_OPTIONS.cluster },
      database: { type: 'string', default: DEFAULT_CLUSTER_DDL_OPTIONS.database },
      retention: { type: 'string', multiple: true, default: [] },
      out: { type: 'string', default: COMMITTED },
      check: { type: 'boolean', default: false },
    },
  }).values;
} catch (error) {
  fail(error.message);
}

const retentionDays = { ...DEFAULT_CLUSTER_DDL_OPTIONS.retentionDays };
for (const item of args.retention) {
  const m = /^(\w+)=(\d+)$/.exec(item);
  if (!m) fail(`--retention ${item}: expected TABLE=DAYS (0 keeps rows forever)`);
  retentionDays[m[1]] = Number(m[2]);
}

let text;
try {
  text = renderClusterDdl(loadMigrations(), {
    cluster: args.cluster,
    database: args.database,
    retentionDays,
  });
} catch (error) {
  fail(error.message);
}

if (args.check) {
  let current = '';
  try {
    current = readFileSync(args.out, 'utf8');
  } catch {
    // a missing file is out of date too
  }
  if (current !== text) {
    process.stderr.write(`${path.relative(root, args.out)} is out of date: run npm run ddl:cluster\n`);
    process.exit(1);
  }
  process.stdout.write(`${path.relative(root, args.out)} is up to date\n`);
} else {
  writeFileSync(args.out, text);
  process.stdout.write(`wrote ${path.relative(process.cwd(), args.out)}\n`);
}
