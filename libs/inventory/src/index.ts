export type { CallRecord } from './call-record.type';
export { toCallRecord } from './to-call-record.util';
export type { EndpointKey, EndpointStats } from './endpoint-stats.type';
export { aggregateEndpointStats } from './aggregate-endpoint-stats.util';
export { ENDPOINT_FLAGS } from './inventory.type';
export type {
  AuthStatus,
  EndpointAuth,
  EndpointAuthDetails,
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
export { mergeEndpointStats } from './merge-endpoint-stats.util';
export { resolveEndpoints, profileKey } from './resolve-endpoints.util';
export type { ResolvedEndpoint, ResolveInput } from './resolve-endpoints.util';
export { graphqlKey, splitEndpointKey } from './endpoint-key.util';
export type { EndpointKeyParts } from './endpoint-key.util';
export {
  describeParameters,
  describeRequestBody,
  describeResponses,
  describeAuthDetails,
} from './describe-profile.util';
