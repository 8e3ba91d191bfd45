export type { ClickHouseConfig } from './clickhouse-config.type';
export { DEFAULT_DATABASE, DEFAULT_DATA_DIR } from './clickhouse-config.type';
export { ClickHouseStore } from './clickhouse-store';
export type { StorageMode } from './clickhouse-store';
export { StorageException, StorageExceptionCode } from './storage.exception';
export { loadMigrations, runMigrations, splitStatements, renderStatement } from './migration.runner';
export type { Migration, MigrationReport } from './migration.runner';
export { CallRepository } from './call.repository';
export { EndpointRepository } from './endpoint.repository';
export type { EndpointQuery } from './endpoint.repository';
export { ServiceRepository } from './service.repository';
export type { ServiceSummary } from './service.repository';
export { DeadLetterRepository, DEAD_LETTER_EXCERPT_BYTES } from './dead-letter.repository';
export type { DeadLetter } from './dead-letter.repository';
export { ConsumerIntentRepository } from './consumer-intent.repository';
export type { ConsumerIntent } from './consumer-intent.repository';
export { StorageModule } from './storage.module';
export { renderClusterDdl } from './cluster-ddl.util';
export { clusterDdlStatements, MIGRATIONS_TABLE } from './cluster-ddl-statements.util';
export type { ClusterStatement, ClusterStatementRole } from './cluster-ddl-statements.util';
export { DEFAULT_CLUSTER_DDL_OPTIONS } from './cluster-ddl-options.type';
export type { ClusterDdlOptions } from './cluster-ddl-options.type';
export { ClusterDdlException, ClusterDdlExceptionCode } from './cluster-ddl.exception';
export { parseMigrationStatement } from './migration-statement.parser';
export type {
  MigrationStatement,
  CreateTableStatement,
  AlterTableStatement,
} from './migration-statement.type';
