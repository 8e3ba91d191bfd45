export type { CallRecord } from './call-record.type';
export { toCallRecord } from './to-call-record.util';
export type { EndpointKey, EndpointStats } from './endpoint-stats.type';
export { aggregateEndpointStats } from './aggregate-endpoint-stats.util';
export { ENDPOINT_FLAGS } from './inventory.type';
export type {
  AuthStatus,
  EndpointAuth,
  EndpointFlag,
  InventoryDocument,
  InventoryEndpoint,
  InventoryParameter,
  InventoryService,
  SensitiveFinding,
} from './inventory.type';
export { authStatusOf, trafficFlagsOf, pathParametersOf, toInventoryEndpoint } from './endpoint-view.util';
export { buildInventoryDocument } from './build-inventory.util';
export * from './spec';
export * from './changes';
