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
export { StorageModule } from './storage.module';
export { InferenceStateRepository } from './inference-state.repository';
export type {
  StoredTemplaterState,
  StoredEndpointProfile,
  StoredCorrection,
} from './inference-state.repository';
export { ResolvedEndpointRepository } from './resolved-endpoint.repository';
