import { DEFAULT_DATABASE } from './clickhouse-config.type';

export interface ClusterDdlOptions {
  /** Cluster name as in `remote_servers` of every node's configuration. */
  cluster: string;
  database: string;
  /**
   * Days a table's raw rows are kept (`TTL toDateTime(ts) + INTERVAL N DAY`); 0 keeps them forever.
   * Tables not listed keep the TTL their migration gives them (embedded mode keeps calls forever).
   */
  retentionDays: Readonly<Record<string, number>>;
}

/** What deploy/clickhouse/cluster.sql is generated with. */
export const DEFAULT_CLUSTER_DDL_OPTIONS: ClusterDdlOptions = {
  cluster: 'apiscope',
  database: DEFAULT_DATABASE,
  retentionDays: { calls: 30 },
};
