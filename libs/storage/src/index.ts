export type { ClickHouseConfig } from './clickhouse-config.type';
export { DEFAULT_DATABASE, DEFAULT_DATA_DIR, DEFAULT_QUERY_TIMEOUT_MS } from './clickhouse-config.type';
export { ClickHouseStore } from './clickhouse-store';
export type { StorageMode } from './clickhouse-store';
export { StorageException, StorageExceptionCode } from './storage.exception';
export { loadMigrations, runMigrations, splitStatements, renderStatement } from './migration.runner';
export type { Migration, MigrationReport } from './migration.runner';
export { CallRepository } from './call.repository';
export type { StoredCall } from './call.repository';
export { EndpointRepository } from './endpoint.repository';
export type { EndpointQuery } from './endpoint.repository';
export { DeadLetterRepository, DEAD_LETTER_EXCERPT_BYTES } from './dead-letter.repository';

export { ConsumerIntentRepository } from './consumer-intent.repository';
export type { ConsumerIntent } from './consumer-intent.repository';
export { ReferenceSpecRepository } from './reference-spec.repository';
export type { ServiceSpecs, SpecVersionSummary } from './reference-spec.repository';
export { type InventoryChangeFilter, InventoryChangeRepository } from './inventory-change.repository';
export type { DeadLetter, DeadLetterQuery, StoredDeadLetter } from './dead-letter.repository';
export { StorageModule } from './storage.module';
export { ApiKeyRepository } from './api-key.repository';
export { API_KEY_ROLES } from './api-key.type';
export type { ApiKeyListItem, ApiKeyListQuery, ApiKeyRecord, ApiKeyRole, ApiKeyStatus } from './api-key.type';
export { AuditRepository } from './audit.repository';
export { AUDIT_ACTIONS, AUDIT_OUTCOMES } from './audit.type';
export type { AuditAction, AuditEntry, AuditOutcome, AuditQuery } from './audit.type';
export { CallVolumeRepository, CALL_VOLUME_INTERVALS } from './call-volume.repository';
export type { CallVolume, CallVolumeInterval, CallVolumeQuery } from './call-volume.repository';
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
export { InferenceStateRepository } from './inference-state.repository';
export type {
  StoredTemplaterState,
  StoredEndpointProfile,
  StoredCorrection,
} from './inference-state.repository';
export { ResolvedEndpointRepository } from './resolved-endpoint.repository';
export type { StoredEndpointKey } from './resolved-endpoint.repository';
export { InventoryVersionRepository } from './inventory-version.repository';
