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
 * Writes the minimal configuration into `dir`, which is its log directory too. `midstream`: pick up
 * connections whose handshake the capture lacks (Suricata's default: not).
 */
export function writeSuricataConfig(dir: string, midstream = false): void {
  writeFileSync(
    join(dir, 'suricata.yaml'),
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
  clearEve(dir);
  const run = spawnSync('suricata', suricataArgs(dir, capture), { encoding: 'utf8' });
  if (run.status !== 0)
    return run.stderr.split('\n').find((l) => l.startsWith('Error')) ?? `exit ${run.status}`;
  return eveHttpEvents(dir);
}

/** Removes the eve log of the last run in `dir` (Suricata appends to it). */
export function clearEve(dir: string): void {
  rmSync(join(dir, 'eve.json'), { force: true });
}

/** The `http` events of the eve log in `dir`. */
export function eveHttpEvents(dir: string): SuricataHttpEvent[] {
  const eve = join(dir, 'eve.json');
  if (!existsSync(eve)) return [];
  return readFileSync(eve, 'utf8')
    .split('\n')
    .filter((line) => line.includes('"event_type":"http"'))
    .map((line) => JSON.parse(line) as SuricataHttpEvent);
}

/** The fields of an eve `http` event the benchmarks read. */
export interface SuricataHttpEvent {
  http: { http_method?: string; url?: string; status?: number };
}
