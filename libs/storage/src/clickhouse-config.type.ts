/** Where ClickHouse lives: embedded (chdb in `dataDir`) when `url` is absent, a server otherwise. */
export interface ClickHouseConfig {
  url?: string;
  username?: string;
  password?: string;
  /** Database holding apiscope's tables; an identifier, validated at start-up. */
  database: string;
  /** Data directory of embedded ClickHouse (`--data`, default `./.apiscope`). */
  dataDir: string;
  /** Per-request timeout of the HTTP connection to a ClickHouse server. */
  requestTimeoutMs?: number;
  /** Longest a read query may run (ClickHouse `max_execution_time`), in both modes. */
  queryTimeoutMs?: number;
}

export const DEFAULT_QUERY_TIMEOUT_MS = 15_000;

export const DEFAULT_DATABASE = 'apiscope';
export const DEFAULT_DATA_DIR = '.apiscope';
