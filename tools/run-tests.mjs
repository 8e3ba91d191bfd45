// The test command (README: `npm test`): type-check, lint, then every Jest project in one run.
// Ends with the plain line `N passed, N failed` that CI reads; exits non-zero on any failure.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' };
const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', env }).status ?? 1;
const step = (name, cmd, args) => {
  process.stdout.write(`\n== ${name}\n`);
  const started = Date.now();
  const status = run(cmd, args);
  process.stdout.write(
    `== ${name}: ${status === 0 ? 'ok' : `FAILED (exit ${status})`} in ${((Date.now() - started) / 1000).toFixed(1)}s\n`,
  );
  return status === 0;
};

const checks = [
  ['typecheck', 'npx', ['tsc', '-p', 'tsconfig.json']],
  // the module-boundary rule needs Nx's project graph: compute it first
  ['project graph', 'npx', ['nx', 'show', 'projects']],
  ['lint', 'npx', ['eslint', '--max-warnings', '0', 'apps', 'libs', 'sensors', 'test']],
  ['format', 'npx', ['prettier', '--check', '.']],
];
let checksFailed = 0;
for (const [name, cmd, args] of checks) if (!step(name, cmd, args)) checksFailed += 1;

const dir = mkdtempSync(join(tmpdir(), 'apiscope-jest-'));
const report = join(dir, 'report.json');
step('jest', 'npx', ['jest', '--ci', '--json', `--outputFile=${report}`, ...process.argv.slice(2)]);
let passed = 0;
let failed = 0;
try {
  const result = JSON.parse(readFileSync(report, 'utf8'));
  passed = result.numPassedTests;
  // a suite that failed to load has no failing test but must fail the run
  failed = result.numFailedTests + result.numRuntimeErrorTestSuites;
} catch {
  failed += 1;
  process.stdout.write('jest produced no report\n');
}
rmSync(dir, { recursive: true, force: true });
failed += checksFailed;
process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
