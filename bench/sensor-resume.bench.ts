/**
 * What `sensor pcap --resume` costs (issue 11): on a capture of BENCH_EXCHANGES (default 40,000)
 * exchanges from bench/pcap-generate.ts, with 2 workers and `--sink stdout > /dev/null` (so the
 * sensor, not a remote sink, is measured), the fastest of BENCH_RUNS (default 3) runs of
 *   - plain: no --resume;
 *   - checkpointing: --resume from scratch (each 1,000-event batch written to the pending file and
 *     fsynced before it is sent, the checkpoint rewritten after);
 *   - resume after a kill halfway: a run killed by SIGKILL after half its batches
 *     (APISCOPE_FAULT_CRASH_AFTER_BATCHES), then the resumed run, which reads the capture again from
 *     its start and skips the delivered half (the figure is the resumed run alone);
 *   - resume with everything delivered: the worst case of re-reading (checkpoint not marked complete).
 * Usage: npm run bench sensor-resume. The load average is printed: wall times on a shared machine
 * include waiting for a core; CPU time (user+sys) is the steadier figure.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');
const CLI = join(ROOT, 'apps', 'cli', 'bin', 'apiscope.js');
const EXCHANGES = Number(process.env['BENCH_EXCHANGES'] ?? 40_000);
const RUNS = Number(process.env['BENCH_RUNS'] ?? 3);

interface Run {
  wallS: number;
  cpuS: number;
  code: number | null;
}

function sensor(capture: string, extra: string[], env: NodeJS.ProcessEnv = {}): Run {
  const dir = mkdtempSync(join(tmpdir(), 'apiscope-bench-'));
  const timing = join(dir, 'time');
  const started = process.hrtime.bigint();
  const result = spawnSync(
    'sh',
    [
      '-c',
      `/usr/bin/time -o "$0" -f '%U %S' "$@" > /dev/null 2>/dev/null`,
      timing,
      process.execPath,
      CLI,
      'sensor',
      'pcap',
      '--file',
      capture,
      '--sink',
      'stdout',
      '--workers',
      '2',
      '--no-progress',
      ...extra,
    ],
    { env: { ...process.env, ...env } },
  );
  const wallS = Number(process.hrtime.bigint() - started) / 1e9;
  const [user, sys] = (readFileSync(timing, 'utf8').trim().split('\n').pop() ?? '0 0').split(' ').map(Number);
  rmSync(dir, { recursive: true, force: true });
  return { wallS, cpuS: user + sys, code: result.status };
}

function checkpointOf(state: string): { file: string; doc: Record<string, unknown> } {
  const dir = join(state, 'pcap-resume');
  const file = join(dir, readdirSync(dir).find((f) => /^[0-9a-f]{16}\.json$/.test(f)) as string);
  return { file, doc: JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown> };
}

function fastest(runs: Run[]): Run {
  return runs.reduce((a, b) => (b.wallS < a.wallS ? b : a));
}

function main(): void {
  const dir = mkdtempSync(join(tmpdir(), 'apiscope-bench-resume-'));
  const capture = join(dir, 'capture.pcap');
  execFileSync(
    process.execPath,
    ['-r', '@swc-node/register', join(__dirname, 'pcap-generate.ts'), capture, String(EXCHANGES)],
    {
      stdio: 'pipe',
    },
  );
  const batches = Math.ceil(EXCHANGES / 1000);
  const rows: Array<[string, Run]> = [];
  const repeat = (make: () => Run) => fastest(Array.from({ length: RUNS }, make));
  rows.push(['plain', repeat(() => sensor(capture, []))]);
  rows.push([
    'checkpointing (--resume, fresh)',
    repeat(() => {
      const state = mkdtempSync(join(dir, 'state-'));
      return sensor(capture, ['--resume', '--data', state]);
    }),
  ]);
  rows.push([
    'resume after a kill halfway (resumed run)',
    repeat(() => {
      const state = mkdtempSync(join(dir, 'state-'));
      const killed = sensor(capture, ['--resume', '--data', state], {
        APISCOPE_FAULT_CRASH_AFTER_BATCHES: String(Math.floor(batches / 2)),
      });
      if (killed.code === 0) throw new Error('the run meant to be killed finished');
      return sensor(capture, ['--resume', '--data', state]);
    }),
  ]);
  rows.push([
    'resume with everything delivered (re-read only)',
    repeat(() => {
      const state = mkdtempSync(join(dir, 'state-'));
      sensor(capture, ['--resume', '--data', state]);
      const { file, doc } = checkpointOf(state);
      writeFileSync(file, JSON.stringify({ ...doc, complete: false }));
      return sensor(capture, ['--resume', '--data', state]);
    }),
  ]);
  rmSync(dir, { recursive: true, force: true });
  const plain = rows[0][1];
  process.stdout.write(
    `capture: ${EXCHANGES} exchanges, 2 workers, stdout > /dev/null, fastest of ${RUNS}; load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}\n`,
  );
  for (const [name, run] of rows)
    process.stdout.write(
      `${name.padEnd(48)} wall ${run.wallS.toFixed(2)} s  cpu ${run.cpuS.toFixed(2)} s  (${(run.wallS / plain.wallS).toFixed(2)}x plain wall)\n`,
    );
}

main();
