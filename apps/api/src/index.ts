export { ApiModule } from './api.module';
export { configureApiApp, DEFAULT_BODY_LIMIT, DEFAULT_INGEST_BODY_LIMIT } from './configure-api-app';
export type { ApiOptions } from './api-options.type';
export { GetInventoryUseCase } from './inventory/get-inventory.usecase';
export { ImportSpecUseCase } from './specs/import-spec.usecase';
export { ChangeTrackerService } from './changes/change-tracker.service';
export { InventoryCacheService } from './inventory/inventory-cache.service';
