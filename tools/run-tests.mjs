// The test command (README: `npm test`): type-check, lint, then every Jest project in one run and the
// web catalog's component specs (Vitest, jsdom). Ends with the plain line `N passed, N failed` that CI
// reads, counting both runners' tests; exits non-zero on any failure.
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
  // the catalog is browser code (DOM types, JSX, bundler resolution): its own tsconfig
  ['typecheck ui', 'npx', ['tsc', '-p', 'apps/ui/tsconfig.json']],
  // the module-boundary rule needs Nx's project graph: compute it first
  ['project graph', 'npx', ['nx', 'show', 'projects']],
  ['lint', 'npx', ['eslint', '--max-warnings', '0', 'apps', 'libs', 'sensors', 'test']],
  ['format', 'npx', ['prettier', '--check', '.']],
];
let checksFailed = 0;
for (const [name, cmd, args] of checks) if (!step(name, cmd, args)) checksFailed += 1;

const dir = mkdtempSync(join(tmpdir(), 'apiscope-jest-'));
const report = join(dir, 'report.json');
const uiReport = join(dir, 'ui-report.json');
// the browser end-to-end test serves the built catalog: build it first when its sources changed
if (!step('build ui', 'node', ['tools/build-ui.mjs'])) checksFailed += 1;
step('jest', 'npx', ['jest', '--ci', '--json', `--outputFile=${report}`, ...process.argv.slice(2)]);
const filtered = process.argv.length > 2; // `npm test -- <pattern>` narrows Jest; the UI specs run on a full run only
if (!filtered)
  step('vitest (ui)', 'npx', [
    'vitest',
    'run',
    '--root',
    'apps/ui',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${uiReport}`,
  ]);
let passed = 0;
let failed = 0;
const count = (file, name) => {
  try {
    const result = JSON.parse(readFileSync(file, 'utf8'));
    passed += result.numPassedTests;
    // a suite that failed to load has no failing test but must fail the run
    // (Jest counts those in numRuntimeErrorTestSuites; Vitest only in numFailedTestSuites)
    failed += result.numFailedTests;
    if (result.numRuntimeErrorTestSuites !== undefined) failed += result.numRuntimeErrorTestSuites;
    else if (result.numFailedTests === 0) failed += result.numFailedTestSuites;
  } catch {
    failed += 1;
    process.stdout.write(`${name} produced no report\n`);
  }
};
count(report, 'jest');
if (!filtered) count(uiReport, 'vitest');
rmSync(dir, { recursive: true, force: true });
failed += checksFailed;
process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
