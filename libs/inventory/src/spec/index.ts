export type { ReferenceSpec, SpecOperation, SpecParameter, SpecSecurity } from './reference-spec.type';
export { normaliseSpecDocument, serverBasePath } from './normalise-spec-document.util';
export { parseSpecText, MAX_SPEC_BYTES } from './parse-spec-text.util';
export type { ParsedSpec } from './parse-spec-text.util';
export { SpecImportException, SpecImportExceptionCode } from './spec-import.exception';
export {
  bestSpecMatch,
  matchSpecOperation,
  templateMatchScore,
  versionSiblingTemplate,
} from './match-spec-operation.util';
export { versionZombies } from './version-zombies.util';
export type { VersionedEndpoint } from './version-zombies.util';
export { specFlags } from './spec-flags.util';
export type { ObservedEndpoint, SpecFlagResult, SpecVerdict } from './spec-flags.util';
export { applyReferenceSpecs } from './apply-reference-specs.util';
export type {
  ReferenceSpecOptions,
  ServiceSpecIndex,
  ServiceSpecIndexEntry,
} from './apply-reference-specs.util';
export { DEFAULT_ORPHAN_WINDOW_MS } from './apply-reference-specs.util';
export { toOpenApiDocument } from './to-openapi-document.util';
