export { serviceNameOf, normaliseHost } from './service-name.util';
export { templatePath, isIdentifierSegment, singularise } from './path-template.util';
export { detectCallAuth } from './auth-detection.util';
export type { AuthScheme, CallAuth, CredentialPresence } from './auth-detection.util';
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
