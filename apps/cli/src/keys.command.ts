import { readFileSync } from 'node:fs';

import { type Command } from 'commander';

import { DEFAULT_DATA_DIR } from '@apiscope/storage';

import {
  type ApiAnswer,
  type ApiClientOptions,
  ApiRequestException,
  callApi,
  problemDetail,
} from './api-client.util';
import { readApiKey } from './api-key.util';
import { parseExpiry } from './expiry.util';
import { UsageException } from './usage.exception';

interface ConnectionOptions {
  url: string;
  data: string;
  ca?: string;
  format: string;
}

interface KeyView {
  id: string;
  prefix: string;
  name: string;
  role: string;
  status: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  key?: string;
}

const ROLES = ['viewer', 'ingest', 'admin'];
const FORMATS = ['table', 'json'];
const MAX_PAGES = 200;

function connection(options: ConnectionOptions): ApiClientOptions {
  if (!FORMATS.includes(options.format))
    throw new UsageException(`--format must be one of ${FORMATS.join(', ')}`);
  const key = readApiKey(options.data);
  if (key === undefined)
    throw new UsageException(
      `no admin key: set APISCOPE_API_KEY, or point --data at the directory of the running apiscope (it keeps its key in <data>/api-key)`,
    );
  let ca: string | undefined;
  if (options.ca !== undefined) {
    try {
      ca = readFileSync(options.ca, 'utf8');
    } catch (cause) {
      throw new UsageException(
        `cannot read --ca ${options.ca}: ${(cause as NodeJS.ErrnoException).code ?? String(cause)}`,
      );
    }
  }
  return { url: options.url, key, ...(ca !== undefined && { ca }) };
}

/** 4xx: the request was wrong (exit 2, the server's reason); anything else: a failure (exit 1). */
function expectOk(answer: ApiAnswer, what: string): unknown {
  if (answer.status >= 200 && answer.status < 300) return answer.body;
  const message = `${what}: ${problemDetail(answer)} (HTTP ${answer.status})`;
  if (answer.status >= 400 && answer.status < 500) throw new UsageException(message);
  throw new ApiRequestException(message);
}

function table(keys: readonly KeyView[]): string {
  const rows = [['ID', 'NAME', 'ROLE', 'STATUS', 'CREATED', 'EXPIRES', 'LAST USED']];
  for (const k of keys)
    rows.push([k.id, k.name, k.role, k.status, k.createdAt, k.expiresAt ?? '-', k.lastUsedAt ?? '-']);
  const widths = rows[0].map((_, col) => Math.max(...rows.map((r) => r[col].length)));
  return `${rows
    .map((r) =>
      r
        .map((cell, col) => cell.padEnd(widths[col]))
        .join('  ')
        .trimEnd(),
    )
    .join('\n')}\n`;
}

async function create(
  options: ConnectionOptions & { role: string; name: string; expires?: string },
): Promise<void> {
  if (!ROLES.includes(options.role)) throw new UsageException(`--role must be one of ${ROLES.join(', ')}`);
  const client = connection(options);
  const body = {
    name: options.name,
    role: options.role,
    ...(options.expires !== undefined && { expiresAt: parseExpiry(options.expires) }),
  };
  const key = expectOk(
    await callApi(client, 'POST', 'api/v1/keys', body),
    'creating the key failed',
  ) as KeyView;
  if (options.format === 'json') {
    process.stdout.write(`${JSON.stringify(key, null, 2)}\n`);
  } else {
    process.stdout.write(
      `id       ${key.id}\nname     ${key.name}\nrole     ${key.role}\nexpires  ${key.expiresAt ?? 'never'}\nkey      ${key.key ?? ''}\n`,
    );
  }
  process.stderr.write('apiscope: store the key now; it is not shown again (only its hash is kept)\n');
}

async function list(options: ConnectionOptions & { role?: string; status?: string }): Promise<void> {
  const client = connection(options);
  const keys: KeyView[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const query = new URLSearchParams({ limit: '500' });
    if (options.role !== undefined) query.set('role', options.role);
    if (options.status !== undefined) query.set('status', options.status);
    if (cursor !== null) query.set('cursor', cursor);
    const answer = expectOk(
      await callApi(client, 'GET', `api/v1/keys?${query.toString()}`),
      'listing keys failed',
    ) as {
      items: KeyView[];
      nextCursor: string | null;
    };
    keys.push(...answer.items);
    cursor = answer.nextCursor;
    if (cursor === null) break;
  }
  process.stdout.write(options.format === 'json' ? `${JSON.stringify(keys, null, 2)}\n` : table(keys));
}

async function revoke(id: string, options: ConnectionOptions): Promise<void> {
  const client = connection(options);
  const key = expectOk(
    await callApi(client, 'DELETE', `api/v1/keys/${encodeURIComponent(id)}`),
    `revoking ${id} failed`,
  ) as KeyView;
  process.stdout.write(
    options.format === 'json' ? `${JSON.stringify(key, null, 2)}\n` : `revoked ${key.id} (${key.name})\n`,
  );
}

function withConnection(command: Command): Command {
  return command
    .option('--url <url>', 'the running apiscope', 'http://127.0.0.1:8080')
    .option('--data <dir>', 'its data directory, for the admin key in <dir>/api-key', DEFAULT_DATA_DIR)
    .option('--ca <file>', 'PEM certificate to trust (the self-signed --tls-cert of `up`)')
    .option('--format <format>', `output: ${FORMATS.join(', ')}`, 'table');
}

/**
 * `apiscope keys create|list|revoke`: through the API of a running instance (DESIGN.md: only `up`
 * opens the data directory), authenticated with the bootstrap admin key.
 */
export function registerKeysCommand(program: Command): void {
  const keys = program
    .command('keys')
    .description('create, list and revoke API keys of a running apiscope (needs the admin key)');
  withConnection(
    keys
      .command('create')
      .description('create a key; it is printed once and stored only as a salted hash')
      .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
      .requiredOption('--name <name>', 'what the key is for, e.g. edge-sensor-1')
      .option('--expires <when>', 'duration (12h, 30d, 2w, 1y) or ISO date; default: never'),
  ).action((options: ConnectionOptions & { role: string; name: string; expires?: string }) =>
    create(options),
  );
  withConnection(
    keys
      .command('list')
      .description('list keys, newest first (never the keys themselves)')
      .option('--role <role>', `only this role (${ROLES.join(', ')})`)
      .option('--status <status>', 'only active, expired or revoked keys'),
  ).action((options: ConnectionOptions & { role?: string; status?: string }) => list(options));
  withConnection(
    keys.command('revoke').description('revoke a key for good').argument('<id>', 'key id'),
  ).action((id: string, options: ConnectionOptions) => revoke(id, options));
  keys.commands.forEach((c) => c.exitOverride());
}
