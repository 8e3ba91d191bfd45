export { serviceNameOf, normaliseHost } from './service-name.util';
export { templatePath, isIdentifierSegment, singularise } from './path-template.util';
export { detectCallAuth } from './auth-detection.util';
export type { AuthScheme, CallAuth, CredentialPresence } from './auth-detection.util';
export { PathTemplater } from './templating/path-templater.util';
export { ReferenceTemplates } from './templating/reference-templates.util';
export type { PathTemplaterOptions, ResolvedPath } from './templating/path-templater.util';
export type { TemplaterStateJson, TemplaterNodeJson } from './templating/templater-state.type';
export { segmentKind, splitExtension, vocabularyOf } from './templating/segment-kind.util';
export type { SegmentKind } from './templating/segment-kind.util';
export { FORMAT_SUFFIX } from './templating/consolidate-node.util';
export { jwtFactsOf } from './auth-detection.util';
export type { JwtFacts } from './auth-detection.util';
export {
  emptyStats,
  mergeStats,
  observeValue,
  toJsonSchema,
  SCHEMA_LIMITS,
} from './schema/schema-stats.util';
export type { SchemaStats, JsonType } from './schema/schema-stats.util';
export { stringFormatOf, integerFormatOf, FILE_PART } from './schema/string-format.util';
export type { StringFormat } from './schema/string-format.util';
export { sampleBody, mediaTypeOf } from './schema/body-sample.util';
export type { BodySample } from './schema/body-sample.util';
export { graphqlOperationOf, operationOfDocument } from './graphql/graphql-operation.util';
export type { GraphqlOperation, GraphqlOperationType } from './graphql/graphql-operation.util';
export { EndpointProfile } from './profile/endpoint-profile.util';
export type {
  EndpointProfileJson,
  BodyStats,
  CountedStats,
  ProfileExposure,
} from './profile/endpoint-profile.type';
export { isInterestingHeader, isCredentialName } from './profile/interesting-header.util';
export {
  callExposureSignals,
  hasRateLimitSignal,
  isExternalAddress,
} from './profile/call-exposure-signals.util';
export type { CallExposureSignals } from './profile/call-exposure-signals.util';
export type { TemplateCorrectionAction } from './templating/path-templater.util';
export {
  SENSITIVE_CLASSES,
  SENSITIVE_LOCATIONS,
  classifySensitiveValue,
  maskSensitiveValue,
  scanCallForSensitiveData,
  DEFAULT_SENSITIVE_SCAN_LIMITS,
  MAX_CLASSIFIED_CHARS,
  FieldVerdictCache,
} from './sensitive';
export type {
  SensitiveClass,
  SensitiveLocation,
  SensitiveObservation,
  FieldContext,
  SensitiveScanInput,
  SensitiveScanResult,
  SensitiveScanLimits,
  SensitiveScanSampling,
  FieldVerdictCacheOptions,
} from './sensitive';
