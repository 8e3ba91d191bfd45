import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { type Command } from 'commander';

import { DEFAULT_DATA_DIR } from '@apiscope/storage';

import { API_KEY_FILE } from './api-key.util';
import { UsageException } from './usage.exception';

interface TemplatesOptions {
  url: string;
  data: string;
}

const ACTIONS = ['pin', 'split', 'merge', 'list'] as const;

/** The key of the running instance: APISCOPE_API_KEY, else the one `up` keeps in its data directory. */
function apiKey(dataDir: string): string {
  const fromEnv = process.env['APISCOPE_API_KEY']?.trim();
  if (fromEnv) return fromEnv;
  const file = join(resolve(dataDir), API_KEY_FILE);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  throw new UsageException(`no API key: set APISCOPE_API_KEY or run from where ${file} exists`);
}

/**
 * Corrections go through the running instance's API (an embedded data directory is held by one
 * process: DESIGN.md), so they reach readers and pipeline workers alike.
 */
async function templates(
  action: string,
  service: string,
  template: string | undefined,
  options: TemplatesOptions,
): Promise<void> {
  if (!(ACTIONS as readonly string[]).includes(action))
    throw new UsageException(`unknown action "${action}": use ${ACTIONS.join(', ')}`);
  if (action !== 'list' && (template === undefined || !template.startsWith('/')))
    throw new UsageException(
      `apiscope templates ${action} SERVICE TEMPLATE: give a path template such as /users/{username}`,
    );
  let base: URL;
  try {
    base = new URL(
      `api/v1/services/${encodeURIComponent(service)}/templates`,
      options.url.endsWith('/') ? options.url : `${options.url}/`,
    );
  } catch {
    throw new UsageException(`--url ${options.url} is not a URL`);
  }
  const headers = { authorization: `Bearer ${apiKey(options.data)}`, 'content-type': 'application/json' };
  let res: Response;
  try {
    res =
      action === 'list'
        ? await fetch(base, { headers })
        : await fetch(base, { method: 'POST', headers, body: JSON.stringify({ action, template }) });
  } catch {
    throw new Error(`cannot reach apiscope at ${options.url}: is \`apiscope up\` running?`);
  }
  const body = (await res.json().catch(() => ({}))) as { detail?: string; corrections?: unknown[] };
  if (res.status === 400 || res.status === 401)
    throw new UsageException(body.detail ?? `refused (${res.status})`);
  if (!res.ok) throw new Error(`apiscope answered ${res.status}: ${body.detail ?? ''}`);
  process.stdout.write(`${JSON.stringify(body, null, 2)}\n`);
}

export function registerTemplatesCommand(program: Command): void {
  program
    .command('templates')
    .description('correct learnt path templates of a service: pin, split, merge (or list the corrections)')
    .argument('<action>', ACTIONS.join('|'))
    .argument('<service>', 'service name as in the inventory (e.g. api.example.com)')
    .argument('[template]', 'path template, e.g. /users/{username}')
    .option('--url <url>', 'the running apiscope API', 'http://127.0.0.1:8080')
    .option('--data <dir>', 'data directory of `apiscope up` (where its API key is kept)', DEFAULT_DATA_DIR)
    .action((action: string, service: string, template: string | undefined, options: TemplatesOptions) =>
      templates(action, service, template, options),
    );
}
