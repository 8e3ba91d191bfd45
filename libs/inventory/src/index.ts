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
  EndpointSpecNote,
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
export { resolveEndpoints, resolveEndpointKey, profileKey } from './resolve-endpoints.util';
export type { ResolvedEndpoint, ResolveInput } from './resolve-endpoints.util';
export { endpointKeyPath, graphqlKey, splitEndpointKey } from './endpoint-key.util';
export type { EndpointKeyParts } from './endpoint-key.util';
export {
  describeParameters,
  describeRequestBody,
  describeResponses,
  describeAuthDetails,
} from './describe-profile.util';
export {
  SEVERITIES,
  OWASP_API_TOP_10_2023,
  FINDING_RULES,
  authFlowOf,
  mergeSensitiveFields,
  sensitiveFieldsOfCall,
  callExposureSignals,
  hasRateLimitSignal,
  isExternalAddress,
  endpointFindings,
  compareFindings,
  endpointRisk,
  serviceRisk,
  riskLevelOf,
  SEVERITY_POINTS,
  SERVICE_BREADTH_SHARE,
  inventorySensitiveOf,
  withSensitiveFlag,
  specAuthFindings,
  endpointExposureOf,
  assessInventory,
  findingOrderKey,
  compareFindingOrderKeys,
} from './findings';
export type {
  Severity,
  OwaspApiCategory,
  FindingRule,
  FindingEvidence,
  Finding,
  SensitiveField,
  EndpointExposure,
  AuthFlow,
  CallExposureSignals,
  RiskFactor,
  RiskLevel,
  RiskScore,
  AssessedInventory,
  FindingOrderKey,
} from './findings';
export * from './drift';
