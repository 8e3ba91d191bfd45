// `npm run bench [name...]`: runs the benchmarks (not timed tests) and prints their figures.
// Each bench is a TypeScript file run from source through @swc-node/register.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const benches = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.startsWith(w)));
const env = { ...process.env, SWC_NODE_PROJECT: join(here, '..', 'apps', 'cli', 'tsconfig.runtime.json') };
let failed = 0;
for (const file of benches) {
  console.log(`\n### ${file}`);
  const r = spawnSync(
    process.execPath,
    ['-r', '@swc-node/register', '-r', 'reflect-metadata', join(here, file)],
    { stdio: 'inherit', env },
  );
  if (r.status !== 0) failed += 1;
}
process.exit(failed === 0 ? 0 : 1);
