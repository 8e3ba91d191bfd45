export enum ClusterDdlExceptionCode {
  /** A migration statement outside the subset the cluster generator understands. */
  UNSUPPORTED_STATEMENT = 'UNSUPPORTED_STATEMENT',
  /** A table engine with no replicated counterpart (or one that is already replicated). */
  UNSUPPORTED_ENGINE = 'UNSUPPORTED_ENGINE',
  /** Two tables would map to the same name, or an ALTER names a table no migration created. */
  INCONSISTENT_SCHEMA = 'INCONSISTENT_SCHEMA',
  INVALID_OPTION = 'INVALID_OPTION',
}

/**
 * Raised while turning migrations into cluster DDL. Always fatal: a statement the generator does
 * not understand must stop generation rather than produce a cluster schema that drifts.
 */
export class ClusterDdlException extends Error {
  constructor(
    readonly code: ClusterDdlExceptionCode,
    message: string,
  ) {
    super(message);
    this.name = 'ClusterDdlException';
  }
}
