import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { parseAllDocuments } from 'yaml';

import { CLI_BIN, REPO_ROOT } from './corpus';

export const DEPLOY_DIR = join(REPO_ROOT, 'deploy');
export const DESIGN_MD = resolve(REPO_ROOT, '..', 'shared', 'DESIGN.md');

/** Every document of a YAML file as plain data; a syntax error or warning fails the caller. */
export function readYaml(file: string): unknown[] {
  return parseAllDocuments(readFileSync(file, 'utf8')).map((doc) => {
    const problems = [...doc.errors, ...doc.warnings];
    if (problems.length > 0) throw new Error(`${file}: ${problems.map((p) => p.message).join('; ')}`);
    return doc.toJS() as unknown;
  });
}

export function filesUnder(dir: string, suffix: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path, suffix) : suffix.test(name) ? [path] : [];
  });
}

export interface CommandSpec {
  /** Subcommand path, e.g. ['sensor', 'pcap']. */
  path: string[];
  /** Option name -> whether it takes a value. */
  options: Map<string, boolean>;
  /** Where the options come from: the real CLI's --help, or DESIGN.md for a command not registered yet. */
  source: 'cli' | 'design';
}

const helpCache = new Map<string, { status: number | null; text: string }>();

/** `apiscope <path> --help`, run for real. */
export function cliHelp(path: string[]): { status: number | null; text: string } {
  const key = path.join(' ');
  let help = helpCache.get(key);
  if (!help) {
    const run = spawnSync(process.execPath, [CLI_BIN, ...path, '--help'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, CLICKHOUSE_URL: '' },
    });
    help = { status: run.status, text: run.stdout };
    helpCache.set(key, help);
  }
  return help;
}

/** Subcommands listed under "Commands:" in a help text. */
export function subcommandsOf(help: string): string[] {
  const section = help.split(/^Commands:\s*$/m)[1] ?? '';
  return [...section.matchAll(/^ {2}([a-z][\w-]*)/gm)].map((m) => m[1]).filter((c) => c !== 'help');
}

/** `--name <value>` / `--flag` lines of commander's help ("Options:" section). */
export function optionsOf(help: string): Map<string, boolean> {
  const section = help.split(/^Options:\s*$/m)[1]?.split(/^Commands:\s*$/m)[0] ?? '';
  return new Map(
    [...section.matchAll(/^ {2}(?:-\w, )?(--[a-z][\w-]*)( [<[])?/gm)].map((m) => [m[1], m[2] !== undefined]),
  );
}

/** Options of `apiscope sensor pcap` as DESIGN.md documents them (`--file F | --stdin | ...`). */
export function documentedOptions(path: string[]): Map<string, boolean> {
  const line = readFileSync(DESIGN_MD, 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`apiscope ${path.join(' ')} `));
  if (line === undefined) throw new Error(`DESIGN.md documents no "apiscope ${path.join(' ')}"`);
  return new Map(
    [...line.matchAll(/(--[a-z][\w-]*)(?: (?![-|[(])([^\s|\])[]+))?/g)].map((m) => [
      m[1],
      m[2] !== undefined,
    ]),
  );
}

/** Splits an apiscope argv into its subcommand path and options, checked against the real CLI. */
export function commandSpec(args: readonly string[]): CommandSpec {
  const path: string[] = [];
  let source: CommandSpec['source'] = 'cli';
  while (args[path.length] !== undefined && !args[path.length].startsWith('-')) {
    const next = args[path.length];
    if (source === 'cli' && !subcommandsOf(cliHelp(path).text).includes(next)) source = 'design';
    path.push(next);
  }
  const options = source === 'cli' ? optionsOf(cliHelp(path).text) : documentedOptions(path);
  return { path, options, source };
}

/** The option values of an argv (`--name value` pairs); unknown options or missing values throw. */
export function optionValues(args: readonly string[]): { spec: CommandSpec; values: Map<string, string> } {
  const spec = commandSpec(args);
  const values = new Map<string, string>();
  for (let k = spec.path.length; k < args.length; k += 1) {
    const name = args[k];
    const takesValue = spec.options.get(name);
    if (takesValue === undefined)
      throw new Error(`apiscope ${spec.path.join(' ')} has no option ${name} (${spec.source})`);
    if (takesValue) {
      const value = args[k + 1];
      if (value === undefined || value.startsWith('--')) throw new Error(`${name} needs a value`);
      values.set(name, value);
      k += 1;
    } else values.set(name, '');
  }
  return { spec, values };
}

/** Environment variable names the apps and libs read (`process.env['X']`, `env['X']`, `process.env.X`). */
export function envNamesReadByCode(): Set<string> {
  const sources = ['apps', 'libs', 'sensors']
    .map((d) => join(REPO_ROOT, d))
    .filter((d) => {
      try {
        return statSync(d).isDirectory();
      } catch {
        return false;
      }
    })
    .flatMap((d) => filesUnder(d, /\.ts$/))
    .filter((f) => !/[.-]spec\.ts$/.test(f) && !f.includes('node_modules'));
  const names = new Set<string>();
  for (const file of sources) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(
      /\b(?:process\.env|env)(?:\[['"]([A-Z][A-Z0-9_]*)['"]\]|\.([A-Z][A-Z0-9_]*))/g,
    ))
      names.add(m[1] ?? m[2]);
  }
  return names;
}
