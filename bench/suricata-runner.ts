/**
 * Suricata 7 as the benchmarks run it: single-threaded (`--runmode single`), no checksum checks
 * (`-k none`), no rules (`-S /dev/null`), only the HTTP eve log, extended so that it reports the
 * method, status and body length. Debian: `apt-get install -t bookworm-backports suricata`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const SURICATA_INSTALL_HINT =
  'suricata: not installed, skipped (Debian: apt-get install -t bookworm-backports suricata, with bookworm-backports in the apt sources)';

export function suricataInstalled(): boolean {
  return spawnSync('sh', ['-c', 'command -v suricata'], { stdio: 'ignore' }).status === 0;
}

/**
 * Writes the minimal configuration into `dir` (its log directory too) and returns its path.
 * `midstream`: pick up connections whose handshake the capture lacks (Suricata's default: not).
 */
export function writeSuricataConfig(dir: string, midstream = false): string {
  const config = join(dir, 'suricata.yaml');
  writeFileSync(
    config,
    [
      '%YAML 1.1',
      '---',
      `default-log-dir: ${dir}`,
      'outputs:',
      '  - eve-log:',
      '      enabled: yes',
      '      filename: eve.json',
      '      types:',
      '        - http:',
      '            extended: yes',
      'app-layer:',
      '  protocols:',
      '    http:',
      '      enabled: yes',
      'stream:',
      `  midstream: ${midstream ? 'true' : 'false'}`,
      '  reassembly:',
      '    memcap: 1gb',
      '',
    ].join('\n'),
  );
  return config;
}

/** The command line that reads `capture` with the configuration in `dir`. */
export function suricataArgs(dir: string, capture: string): string[] {
  return [
    '--runmode',
    'single',
    '-k',
    'none',
    '-S',
    '/dev/null',
    '-c',
    join(dir, 'suricata.yaml'),
    '-r',
    capture,
    '-l',
    dir,
  ];
}

/**
 * Suricata's eve `http` events for `capture` (the configuration must be in `dir`), or the first
 * error line when it cannot read the file (a link type it does not support, for one).
 */
export function suricataHttpEvents(dir: string, capture: string): SuricataHttpEvent[] | string {
  const eve = join(dir, 'eve.json');
  rmSync(eve, { force: true });
  const run = spawnSync('suricata', suricataArgs(dir, capture), { encoding: 'utf8' });
  if (run.status !== 0)
    return run.stderr.split('\n').find((l) => l.startsWith('Error')) ?? `exit ${run.status}`;
  if (!existsSync(eve)) return [];
  return readFileSync(eve, 'utf8')
    .split('\n')
    .filter((line) => line.includes('"event_type":"http"'))
    .map((line) => JSON.parse(line) as SuricataHttpEvent);
}

export interface SuricataHttpEvent {
  src_ip: string;
  src_port: number;
  dest_ip: string;
  dest_port: number;
  tx_id: number;
  http: { http_method?: string; url?: string; hostname?: string; status?: number; length?: number };
}
