/**
 * Packet-sensor throughput (issue 3): on a ~80 MB capture of ~80,000 keep-alive exchanges with
 * out-of-order and retransmitted segments (bench/pcap-generate.ts, made on first run), measures
 *   - `apiscope sensor pcap --file F --sink stdout > /dev/null` with --workers 1 and default workers,
 *   - `tshark -r F -Y http.response -T fields -e http.request.method -e http.request.uri -e http.response.code`,
 *   - Suricata 7 single-threaded with only the HTTP eve log, when installed,
 * each BENCH_RUNS times (default 3, in rounds of every tool), reporting the fastest run: wall time, CPU time (user+sys),
 * exchanges/s and MB/s on wall time, exchanges recovered, and the ratios to tshark and Suricata.
 * Usage: npm run bench pcap   (BENCH_RUNS=5, BENCH_EXCHANGES=80000 to change)
 * The machine's load average is printed: on a shared machine wall times include waiting for a core.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

import {
  clearEve,
  eveHttpEvents,
  SURICATA_INSTALL_HINT,
  suricataArgs,
  suricataInstalled,
  writeSuricataConfig,
} from './suricata-runner';

const ROOT = join(__dirname, '..');
const EXCHANGES = Number(process.env['BENCH_EXCHANGES'] ?? 80_000);
const RUNS = Number(process.env['BENCH_RUNS'] ?? 3);
const CAPTURE = join(__dirname, 'results', `bench-${EXCHANGES / 1000}k.pcap`);
const MANIFEST = `${CAPTURE}.json`;
const CLI = join(ROOT, 'apps', 'cli', 'bin', 'apiscope.js');

interface Run {
  wallS: number;
  cpuS: number;
  maxRssMb: number;
  exchanges: number;
}

/** Runs a command with GNU time around it; stdout goes to `stdoutFile` (or /dev/null). */
function timed(
  command: string,
  args: string[],
  countExchanges: (stdout: string, stderr: string) => number,
  stdoutFile?: string,
): Run {
  const dir = mkdtempSync(join(tmpdir(), 'apiscope-bench-'));
  const timing = join(dir, 'time');
  const out = stdoutFile ?? '/dev/null';
  const started = process.hrtime.bigint();
  const result = spawnSync(
    'sh',
    [
      '-c',
      `/usr/bin/time -o "$0" -f '%U %S %M' "$@" > "${out}" 2> "${join(dir, 'stderr')}"`,
      timing,
      command,
      ...args,
    ],
    {
      stdio: 'inherit',
    },
  );
  const wallS = Number(process.hrtime.bigint() - started) / 1e9;
  const stderr = readFileSync(join(dir, 'stderr'), 'utf8');
  if (result.status !== 0) throw new Error(`${command} failed (${result.status}): ${stderr.slice(0, 500)}`);
  const [user, sys, rssKb] = readFileSync(timing, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
  const stdout = stdoutFile === undefined ? '' : readFileSync(stdoutFile, 'utf8');
  rmSync(dir, { recursive: true, force: true });
  return { wallS, cpuS: user + sys, maxRssMb: rssKb / 1024, exchanges: countExchanges(stdout, stderr) };
}

function installed(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

if (!existsSync(CAPTURE) || !existsSync(MANIFEST)) {
  const made = execFileSync(
    process.execPath,
    ['-r', '@swc-node/register', join(__dirname, 'pcap-generate.ts'), CAPTURE, String(EXCHANGES)],
    {
      cwd: ROOT,
      env: { ...process.env, SWC_NODE_PROJECT: join(ROOT, 'apps', 'cli', 'tsconfig.runtime.json') },
    },
  );
  writeFileSync(MANIFEST, made);
}
const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as {
  exchanges: number;
  outOfOrder: number;
  retransmitted: number;
  packets: number;
};
const bytes = statSync(CAPTURE).size;
console.log(
  `capture: ${CAPTURE} (${(bytes / 1e6).toFixed(1)} MB, ${manifest.packets} packets, ${manifest.exchanges} exchanges, ` +
    `${manifest.outOfOrder} responses with out-of-order segments, ${manifest.retransmitted} retransmitted segments)`,
);
console.log(
  `machine: ${availableParallelism()} cores, load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}; fastest of ${RUNS} runs each\n`,
);

const fromSummary = (_stdout: string, stderr: string) =>
  Number(/: ([\d,]+) exchanges from/.exec(stderr)?.[1].replace(/,/g, '') ?? 0);
// warm the compile cache once so that no run pays for it
timed('node', [CLI, 'sensor', 'pcap', '--file', CAPTURE, '--sink', 'stdout', '--workers', '1'], fromSummary);
const tsharkOut = join(tmpdir(), `apiscope-bench-tshark-${process.pid}.tsv`);
const tools: Array<{ name: string; run: () => Run }> = [
  {
    name: 'apiscope, 1 worker',
    run: () =>
      timed(
        'node',
        [CLI, 'sensor', 'pcap', '--file', CAPTURE, '--sink', 'stdout', '--workers', '1'],
        fromSummary,
      ),
  },
  {
    name: `apiscope, default workers (${availableParallelism()})`,
    run: () => timed('node', [CLI, 'sensor', 'pcap', '--file', CAPTURE, '--sink', 'stdout'], fromSummary),
  },
];
if (installed('tshark'))
  tools.push({
    name: 'tshark',
    run: () =>
      timed(
        'tshark',
        [
          '-r',
          CAPTURE,
          '-Y',
          'http.response',
          '-T',
          'fields',
          '-e',
          'http.request.method',
          '-e',
          'http.request.uri',
          '-e',
          'http.response.code',
        ],
        (stdout) => stdout.split('\n').filter((l) => l.trim() !== '').length,
        tsharkOut,
      ),
  });
else console.log('tshark: not installed, skipped');
// Suricata 7 as the issue asks: single-threaded, no rules, only its HTTP eve log (extended: method,
// status and length, as the other tools report), reading the same file; exchanges counted from eve.json
const suricataDir = mkdtempSync(join(tmpdir(), 'apiscope-bench-suricata-'));
if (suricataInstalled()) {
  writeSuricataConfig(suricataDir);
  tools.push({
    name: 'suricata 7 (single thread, http eve only)',
    run: () => {
      clearEve(suricataDir);
      const run = timed('suricata', suricataArgs(suricataDir, CAPTURE), () => 0);
      return { ...run, exchanges: eveHttpEvents(suricataDir).length };
    },
  });
} else console.log(SURICATA_INSTALL_HINT);
// round after round of every tool, so that a change of load on a shared machine weighs on all alike
const runs = tools.map(() => [] as Run[]);
for (let round = 0; round < RUNS; round++) tools.forEach((tool, i) => runs[i].push(tool.run()));
rmSync(tsharkOut, { force: true });
const results: Array<Run & { name: string }> = tools.map((tool, i) => ({
  name: tool.name,
  ...runs[i].sort((a, b) => a.wallS - b.wallS)[0],
}));

rmSync(suricataDir, { recursive: true, force: true });

const reference = (name: string) => results.find((r) => r.name.startsWith(name));
const pad = (s: string, n: number) => s.padEnd(n);
console.log(
  `\n${pad('tool', 44)}${pad('wall s', 9)}${pad('cpu s', 9)}${pad('exchanges/s', 13)}${pad('MB/s', 8)}${pad('recovered', 19)}${pad('max RSS', 10)}vs tshark`,
);
for (const r of results) {
  const tshark = reference('tshark');
  console.log(
    `${pad(r.name, 44)}${pad(r.wallS.toFixed(2), 9)}${pad(r.cpuS.toFixed(2), 9)}${pad(Math.round(r.exchanges / r.wallS).toLocaleString('en-US'), 13)}` +
      `${pad((bytes / 1e6 / r.wallS).toFixed(1), 8)}${pad(`${r.exchanges} (${((100 * r.exchanges) / manifest.exchanges).toFixed(2)}%)`, 19)}` +
      `${pad(`${r.maxRssMb.toFixed(0)} MB`, 10)}${tshark === undefined ? '-' : `${(tshark.wallS / r.wallS).toFixed(1)}x (cpu ${(tshark.cpuS / r.cpuS).toFixed(1)}x)`}`,
  );
}
const suricata = reference('suricata');
if (suricata !== undefined)
  for (const r of results.filter((x) => x.name.startsWith('apiscope')))
    console.log(`${r.name}: ${(suricata.wallS / r.wallS).toFixed(2)}x Suricata's speed`);
console.log(
  `\nload average at the end: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
