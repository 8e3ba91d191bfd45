export enum StorageExceptionCode {
  INVALID_CONFIG = 'INVALID_CONFIG',
  DATA_DIR_LOCKED = 'DATA_DIR_LOCKED',
  UNREACHABLE = 'UNREACHABLE',
  MIGRATION_FAILED = 'MIGRATION_FAILED',
  QUERY_FAILED = 'QUERY_FAILED',
  /** A read ran past `queryTimeoutMs`: retriable, and not a sign that storage is down. */
  TIMEOUT = 'TIMEOUT',
}

/** Storage failures carry a code so callers map them (exit codes, HTTP 503) without parsing text. */
export class StorageException extends Error {
  constructor(
    readonly code: StorageExceptionCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StorageException';
  }
}
