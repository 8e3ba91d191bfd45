import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

import { type ClickHouseClient, createClient } from '@clickhouse/client';
import { type NodeClickHouseClientConfigOptions } from '@clickhouse/client/dist/config';

import { type ClickHouseConfig } from './clickhouse-config.type';
import { StorageException, StorageExceptionCode } from './storage.exception';

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/** Settings some requests change; every request restates them (see the embedded client). */
const PER_REQUEST_DEFAULTS = { insert_deduplicate: 1, insert_deduplication_token: '' } as const;

export type StorageMode = 'embedded' | 'server';

/**
 * The one ClickHouse connection of a process, through `@clickhouse/client` in both modes: embedded
 * plugs chdb's connection into the same client, so every query runs the same code path.
 */
export class ClickHouseStore {
  private constructor(
    readonly client: ClickHouseClient,
    readonly mode: StorageMode,
    readonly database: string,
    /** Where the data lives: the embedded directory or the server URL without credentials. */
    readonly location: string,
  ) {}

  static async open(config: ClickHouseConfig): Promise<ClickHouseStore> {
    if (!IDENTIFIER.test(config.database)) {
      throw new StorageException(
        StorageExceptionCode.INVALID_CONFIG,
        `invalid ClickHouse database name "${config.database}": use letters, digits and _`,
      );
    }
    const store = config.url ? ClickHouseStore.server(config) : await ClickHouseStore.embedded(config);
    await store.client
      .command({ query: `CREATE DATABASE IF NOT EXISTS ${store.database}` })
      .catch((cause: unknown) => {
        throw store.failure(cause);
      });
    return store;
  }

  private static server(config: ClickHouseConfig & { url?: string }): ClickHouseStore {
    let url: URL;
    try {
      url = new URL(config.url ?? '');
    } catch {
      throw new StorageException(StorageExceptionCode.INVALID_CONFIG, `invalid CLICKHOUSE_URL: not a URL`);
    }
    const client = createClient({
      url: config.url,
      username: config.username ?? (decodeURIComponent(url.username) || undefined),
      password: config.password ?? (decodeURIComponent(url.password) || undefined),
      request_timeout: config.requestTimeoutMs ?? 30_000,
      clickhouse_settings: { date_time_input_format: 'best_effort' },
    });
    return new ClickHouseStore(client, 'server', config.database, `${url.protocol}//${url.host}`);
  }

  private static async embedded(config: ClickHouseConfig): Promise<ClickHouseStore> {
    const dir = resolve(config.dataDir);
    mkdirSync(dir, { recursive: true });
    // chdb is loaded lazily: it is ~550 MB of native code that server mode never needs.
    const { createChdbConnection } = await import('chdb/connection');
    let client: ClickHouseClient;
    try {
      client = createClient({
        // chdb types its connection against @clickhouse/client-common 1.23.0, the client bundles its own
        // copy of the same interface; the shapes agree at run time.
        connection: createChdbConnection({
          path: dir,
        }) as unknown as NodeClickHouseClientConfigOptions['connection'],
        // chdb applies per-request settings as `SET` on its one session, so they outlive the request:
        // a dedup token would silently drop the next insert. Sending the defaults with every request
        // resets them; a request's own settings still override.
        clickhouse_settings: { date_time_input_format: 'best_effort', ...PER_REQUEST_DEFAULTS },
      });
      await client.query({ query: 'SELECT 1', format: 'JSONEachRow' }).then((r) => r.json());
    } catch (cause) {
      const text = cause instanceof Error ? cause.message : String(cause);
      if (/lock/i.test(text)) {
        throw new StorageException(
          StorageExceptionCode.DATA_DIR_LOCKED,
          `data directory ${dir} is in use by another apiscope process; stop it or reach it through its API`,
          { cause },
        );
      }
      throw new StorageException(
        StorageExceptionCode.UNREACHABLE,
        `cannot open embedded ClickHouse in ${dir}: ${text}`,
        { cause },
      );
    }
    return new ClickHouseStore(client, 'embedded', config.database, dir);
  }

  /** `calls` -> `apiscope.calls`; table names are constants of this lib, the database is validated. */
  table(name: string): string {
    return `${this.database}.${name}`;
  }

  failure(cause: unknown, what = 'ClickHouse query failed'): StorageException {
    const text = cause instanceof Error ? cause.message : String(cause);
    const unreachable = /ECONNREFUSED|ENOTFOUND|ETIMEDOUT|socket hang up|Timeout/i.test(text);
    return new StorageException(
      unreachable ? StorageExceptionCode.UNREACHABLE : StorageExceptionCode.QUERY_FAILED,
      `${what}: ${text.split('\n')[0]}`,
      { cause },
    );
  }

  async ping(): Promise<boolean> {
    try {
      await this.client.query({ query: 'SELECT 1', format: 'JSONEachRow' }).then((r) => r.json());
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}
