import { type ClickHouseStore } from '@apiscope/storage';

type FaultMode = { kind: 'ok' } | { kind: 'inserts'; tables: RegExp } | { kind: 'down' };

/**
 * Fault injection on the real connection of a running app: wraps the store's @clickhouse/client
 * `insert`, `query` and `command` so they fail as an unreachable server does (ECONNREFUSED), for
 * every request or only for inserts into some tables (a batch failing half-way: the first table
 * stored, the next one refused). Nothing is faked: when healthy, every call reaches the engine.
 */
export class ClickHouseFaults {
  private mode: FaultMode = { kind: 'ok' };
  /** Requests refused so far. */
  refused = 0;

  constructor(store: ClickHouseStore) {
    const client = store.client;
    const insert = client.insert.bind(client);
    const query = client.query.bind(client);
    const command = client.command.bind(client);
    client.insert = (params: Parameters<typeof insert>[0]) =>
      this.refuses(params.table) ? this.failure() : insert(params);
    client.query = (params: Parameters<typeof query>[0]) =>
      this.mode.kind === 'down' ? this.failure() : query(params);
    client.command = (params: Parameters<typeof command>[0]) =>
      this.mode.kind === 'down' ? this.failure() : command(params);
  }

  /** Inserts into matching tables fail; the rest (and all reads) work. */
  failInserts(tables: RegExp): void {
    this.mode = { kind: 'inserts', tables };
  }

  /** Every request fails, pings included. */
  down(): void {
    this.mode = { kind: 'down' };
  }

  heal(): void {
    this.mode = { kind: 'ok' };
  }

  private refuses(table: string): boolean {
    if (this.mode.kind === 'down') return true;
    return this.mode.kind === 'inserts' && this.mode.tables.test(table);
  }

  private failure(): Promise<never> {
    this.refused += 1;
    return Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:8123 (injected fault)'));
  }
}
