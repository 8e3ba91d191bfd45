export { serviceNameOf, normaliseHost } from './service-name.util';
export { templatePath, isIdentifierSegment, singularise } from './path-template.util';
export { detectCallAuth } from './auth-detection.util';
export type { AuthScheme, CallAuth, CredentialPresence } from './auth-detection.util';
export { PathTemplater } from './templating/path-templater.util';
export type { PathTemplaterOptions, ResolvedPath } from './templating/path-templater.util';
export type { TemplaterStateJson, TemplaterNodeJson } from './templating/templater-state.type';
export { segmentKind, splitExtension, vocabularyOf } from './templating/segment-kind.util';
export type { SegmentKind } from './templating/segment-kind.util';
