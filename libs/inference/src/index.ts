export { serviceNameOf, normaliseHost } from './service-name.util';
export { templatePath, isIdentifierSegment, singularise } from './path-template.util';
export { detectCallAuth } from './auth-detection.util';
export type { AuthScheme, CallAuth, CredentialPresence } from './auth-detection.util';
export { SENSITIVE_CLASSES, SENSITIVE_LOCATIONS } from './sensitive/sensitive-class.type';
export type { SensitiveClass, SensitiveLocation, SensitiveObservation } from './sensitive/sensitive-class.type';
