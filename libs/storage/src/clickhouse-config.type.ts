/** Where ClickHouse lives: embedded (chdb in `dataDir`) when `url` is absent, a server otherwise. */
export interface ClickHouseConfig {
  url?: string;
  username?: string;
  password?: string;
  /** Database holding apiscope's tables; an identifier, validated at start-up. */
  database: string;
  /** Data directory of embedded ClickHouse (`--data`, default `./.apiscope`). */
  dataDir: string;
  /** Per-query timeout towards ClickHouse. */
  requestTimeoutMs?: number;
}

export const DEFAULT_DATABASE = 'apiscope';
export const DEFAULT_DATA_DIR = '.apiscope';
