import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

import { type ClickHouseClient, createClient } from '@clickhouse/client';
import { type NodeClickHouseClientConfigOptions } from '@clickhouse/client/dist/config';

import { type ClickHouseSettings } from '@clickhouse/client';

import { type ClickHouseConfig, DEFAULT_QUERY_TIMEOUT_MS } from './clickhouse-config.type';
import { StorageException, StorageExceptionCode } from './storage.exception';

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/** Settings some requests change; every request restates them (see the embedded client). */
const PER_REQUEST_DEFAULTS = { insert_deduplicate: 1, insert_deduplication_token: '' } as const;

export type StorageMode = 'embedded' | 'server';

/**
 * Server settings of the embedded engine. ClickHouse keeps up to 1,000 idle threads in its global
 * pool, each holding three /proc files for its metrics: under bursts of queries a long-running
 * process grew by hundreds of open files that never closed (soak run, 81 -> 453 in 14 minutes).
 * Idle threads beyond 4 now exit; a burst still gets all the threads it needs. (With 16 kept idle,
 * open files still swung by ~24 between soak minutes.)
 */
const EMBEDDED_ENGINE_ARGS = ['--max_thread_pool_free_size=4'];

/**
 * The one ClickHouse connection of a process, through `@clickhouse/client` in both modes: embedded
 * plugs chdb's connection into the same client, so every query runs the same code path.
 */
export class ClickHouseStore {
  /**
   * Settings for every read: a query that runs past the timeout is stopped by ClickHouse itself
   * (not just abandoned by the client), so a slow query cannot keep the engine busy for others.
   */
  readonly readSettings: ClickHouseSettings;

  private constructor(
    readonly client: ClickHouseClient,
    readonly mode: StorageMode,
    readonly database: string,
    /** Where the data lives: the embedded directory or the server URL without credentials. */
    readonly location: string,
    queryTimeoutMs: number,
    /** Releases what the mode holds besides the client (the embedded engine's configuring session). */
    private readonly release: () => void = () => undefined,
  ) {
    this.readSettings = {
      max_execution_time: Math.max(1, Math.ceil(queryTimeoutMs / 1000)),
      timeout_overflow_mode: 'throw',
    };
  }

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
      // longer than the query timeout, so ClickHouse's own timeout error is the one that surfaces
      request_timeout:
        config.requestTimeoutMs ?? (config.queryTimeoutMs ?? DEFAULT_QUERY_TIMEOUT_MS) + 15_000,
      clickhouse_settings: { date_time_input_format: 'best_effort' },
    });
    return new ClickHouseStore(
      client,
      'server',
      config.database,
      `${url.protocol}//${url.host}`,
      config.queryTimeoutMs ?? DEFAULT_QUERY_TIMEOUT_MS,
    );
  }

  private static async embedded(config: ClickHouseConfig): Promise<ClickHouseStore> {
    const dir = resolve(config.dataDir);
    mkdirSync(dir, { recursive: true });
    // chdb is loaded lazily: it is ~550 MB of native code that server mode never needs.
    const [{ Session }, { createChdbConnection }] = await Promise.all([
      import('chdb'),
      import('chdb/connection'),
    ]);
    let client: ClickHouseClient;
    let engine: InstanceType<typeof Session> | undefined;
    try {
      // The first connection to a data directory starts the engine with its arguments; the client's
      // connection cannot pass any, so this session opens first and lives as long as the store.
      engine = new Session(dir, { connectionArgs: EMBEDDED_ENGINE_ARGS });
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
      engine?.close();
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
    return new ClickHouseStore(
      client,
      'embedded',
      config.database,
      dir,
      config.queryTimeoutMs ?? DEFAULT_QUERY_TIMEOUT_MS,
      () => engine.close(),
    );
  }

  /** `calls` -> `apiscope.calls`; table names are constants of this lib, the database is validated. */
  table(name: string): string {
    return `${this.database}.${name}`;
  }

  failure(cause: unknown, what = 'ClickHouse query failed'): StorageException {
    const text = cause instanceof Error ? cause.message : String(cause);
    // ClickHouse error 159 TIMEOUT_EXCEEDED: our own max_execution_time, not an unreachable server
    if ((cause as { type?: unknown } | null)?.type === 'TIMEOUT_EXCEEDED')
      return new StorageException(StorageExceptionCode.TIMEOUT, `${what}: query timed out`, { cause });
    const unreachable = /ECONNREFUSED|ENOTFOUND|ETIMEDOUT|socket hang up|Timeout/i.test(text);
    return new StorageException(
      unreachable ? StorageExceptionCode.UNREACHABLE : StorageExceptionCode.QUERY_FAILED,
      `${what}: ${text.split('\n')[0]}`,
      { cause },
    );
  }

  /**
   * Inserts JSON rows, always with an explicit deduplication token: embedded ClickHouse (chdb) keeps
   * a query's settings in its session, so an insert without a token would inherit the previous
   * insert's token and be dropped as its duplicate by tables with a deduplication window. Without
   * `dedupToken` the insert gets a token of its own (never deduplicated). The read timeout, which
   * leaks the same way, is lifted for inserts.
   */
  async insert(
    table: string,
    values: readonly Record<string, unknown>[],
    what: string,
    dedupToken?: string,
  ): Promise<void> {
    if (values.length === 0) return;
    await this.client
      .insert({
        table: this.table(table),
        format: 'JSONEachRow',
        values: values,
        clickhouse_settings: {
          insert_deduplication_token: dedupToken ?? randomUUID(),
          max_execution_time: 0,
        },
      })
      .catch((cause: unknown) => {
        throw this.failure(cause, what);
      });
  }

  /** A bounded read: JSON rows, bound parameters, the read timeout; failures as StorageException. */
  async select<T>(
    query: string,
    params: Record<string, unknown> = {},
    settings: ClickHouseSettings = {},
  ): Promise<T[]> {
    return this.client
      .query({
        query,
        query_params: params,
        format: 'JSONEachRow',
        clickhouse_settings: { ...this.readSettings, ...settings },
      })
      .then((r) => r.json<T>())
      .catch((cause: unknown) => {
        throw this.failure(cause);
      });
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
    try {
      await this.client.close();
    } finally {
      this.release();
    }
  }
}
