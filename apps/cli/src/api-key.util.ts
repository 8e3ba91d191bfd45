import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const API_KEY_FILE = 'api-key';

export interface ResolvedApiKey {
  key: string;
  /** Where it came from, for the start-up message (the key itself is never logged). */
  origin: string;
}

/**
 * The bootstrap admin key: `APISCOPE_API_KEY` when set; else the one kept in the data directory;
 * else a new random key written there with mode 0600 (readable by the owner only).
 */
export function resolveApiKey(dataDir: string, env: NodeJS.ProcessEnv = process.env): ResolvedApiKey {
  const fromEnv = env['APISCOPE_API_KEY'];
  if (fromEnv !== undefined && fromEnv.trim() !== '') {
    if (fromEnv.trim().length < 16) throw new Error('APISCOPE_API_KEY must be at least 16 characters');
    return { key: fromEnv.trim(), origin: 'APISCOPE_API_KEY' };
  }
  const file = join(resolve(dataDir), API_KEY_FILE);
  if (existsSync(file)) return { key: readFileSync(file, 'utf8').trim(), origin: file };
  mkdirSync(resolve(dataDir), { recursive: true });
  const key = `aps_${randomBytes(24).toString('base64url')}`;
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  return { key, origin: file };
}

/**
 * The bootstrap key for commands that talk to a running instance (`keys ...`): read, never created,
 * since a new key here would not be the one the running server knows.
 */
export function readApiKey(dataDir: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const fromEnv = env['APISCOPE_API_KEY'];
  if (fromEnv !== undefined && fromEnv.trim() !== '') return fromEnv.trim();
  const file = join(resolve(dataDir), API_KEY_FILE);
  return existsSync(file) ? readFileSync(file, 'utf8').trim() || undefined : undefined;
}
