export enum SpecImportExceptionCode {
  NOT_PARSEABLE = 'NOT_PARSEABLE',
  NOT_OPENAPI = 'NOT_OPENAPI',
  INVALID = 'INVALID',
  TOO_LARGE = 'TOO_LARGE',
}

/** A refused reference spec: nothing of it is imported; the message carries the parser's reason. */
export class SpecImportException extends Error {
  constructor(
    readonly code: SpecImportExceptionCode,
    message: string,
  ) {
    super(message);
    this.name = 'SpecImportException';
  }
}
