import { type ClickHouseConfig, DEFAULT_DATABASE } from '@apiscope/storage';

/**
 * Where a command's ClickHouse lives: `--clickhouse URL` (or CLICKHOUSE_URL) names a server, else
 * embedded in `--data`. Credentials and database come from the environment, never from argv (argv
 * is visible to every user of the machine).
 */
export function storageConfigFrom(
  dataDir: string,
  clickhouseUrl: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): ClickHouseConfig {
  return {
    dataDir,
    database: env['CLICKHOUSE_DATABASE'] ?? DEFAULT_DATABASE,
    ...(clickhouseUrl !== undefined && clickhouseUrl !== '' && { url: clickhouseUrl }),
    ...(env['CLICKHOUSE_USER'] !== undefined && { username: env['CLICKHOUSE_USER'] }),
    ...(env['CLICKHOUSE_PASSWORD'] !== undefined && { password: env['CLICKHOUSE_PASSWORD'] }),
  };
}
