/**
 * Why a line yields no event. Codes are stable: the log sensor reports the first line of each code
 * with its number and counts the rest, so one broken writer does not flood stderr.
 */
export enum LogSkipCode {
  /** The line does not have the layout of the format (wrong format, truncated line). */
  NOT_THIS_FORMAT = 'NOT_THIS_FORMAT',
  /** A JSON format got a line that is not JSON, or JSON of the wrong shape. */
  NOT_JSON = 'NOT_JSON',
  /** A record of the format that is not an HTTP exchange (TCP proxy, NLB TLS, connection log). */
  NOT_HTTP = 'NOT_HTTP',
  /** The server logged no request line (`-`, a TLS handshake on a plain port, a codec error). */
  NO_REQUEST = 'NO_REQUEST',
  BAD_METHOD = 'BAD_METHOD',
  BAD_TARGET = 'BAD_TARGET',
  BAD_TIME = 'BAD_TIME',
  BAD_STATUS = 'BAD_STATUS',
  /** A line or JSON record longer than the reader's bound. */
  TOO_LONG = 'TOO_LONG',
  /** Built, but refused by the ApiCall v1 contract (a bug of this reader if it ever happens). */
  CONTRACT = 'CONTRACT',
  /** The reader failed on this line in a way it did not foresee (a bug met on hostile input). */
  UNEXPECTED = 'UNEXPECTED',
  /** A HAR entry that yields no call (read by `parseHar`, whose reason says why). */
  HAR_ENTRY = 'HAR_ENTRY',
}

/** Raised while reading one line and turned into a `LogSkip` by the line parser; it never escapes. */
export class LogSkipException extends Error {
  constructor(
    readonly code: LogSkipCode,
    reason: string,
  ) {
    super(reason);
    this.name = 'LogSkipException';
  }
}
