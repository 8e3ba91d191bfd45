export { SENSITIVE_CLASSES, SENSITIVE_LOCATIONS } from './sensitive-class.type';
export type { SensitiveClass, SensitiveLocation, SensitiveObservation } from './sensitive-class.type';
export { classifySensitiveValue, MAX_CLASSIFIED_CHARS } from './classify-sensitive-value.util';
export type { FieldContext } from './classify-sensitive-value.util';
export { maskSensitiveValue } from './mask-sensitive-value.util';
export { scanCallForSensitiveData } from './scan-call.util';
export type { SensitiveScanInput, SensitiveScanResult } from './scan-call.util';
export { DEFAULT_SENSITIVE_SCAN_LIMITS } from './sensitive-scan-limits.constant';
export type { SensitiveScanLimits } from './sensitive-scan-limits.constant';
