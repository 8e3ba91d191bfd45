export { INVENTORY_CHANGE_KINDS } from './inventory-change.type';
export type { EndpointWatchState, InventoryChange, InventoryChangeKind } from './inventory-change.type';
export { diffInventory, watchKey } from './diff-inventory.util';
export type { InventoryDiff } from './diff-inventory.util';
export { schemaFieldPaths } from './schema-fields.util';
