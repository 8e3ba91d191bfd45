export enum HarFormatExceptionCode {
  NOT_JSON = 'NOT_JSON',
  NOT_HAR = 'NOT_HAR',
}

/**
 * The whole file is unusable (not JSON, no `log.entries` array). One bad entry never raises this:
 * it becomes a `HarSkip` instead. The message is one line, fit for stderr as DESIGN.md asks.
 */
export class HarFormatException extends Error {
  constructor(
    readonly code: HarFormatExceptionCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'HarFormatException';
  }
}
