export enum LogInputExceptionCode {
  NOT_FOUND = 'NOT_FOUND',
  UNREADABLE = 'UNREADABLE',
  NOT_HAR = 'NOT_HAR',
  BAD_OPTION = 'BAD_OPTION',
}

/** An input the sensor cannot read at all (the CLI exits 2 with this one-line message). */
export class LogInputException extends Error {
  constructor(
    readonly code: LogInputExceptionCode,
    message: string,
  ) {
    super(message);
    this.name = 'LogInputException';
  }

  static unreadable(path: string, cause: unknown): LogInputException {
    const errno = (cause as NodeJS.ErrnoException).code;
    return errno === 'ENOENT'
      ? new LogInputException(LogInputExceptionCode.NOT_FOUND, `cannot read ${path}: no such file`)
      : new LogInputException(
          LogInputExceptionCode.UNREADABLE,
          `cannot read ${path}: ${errno ?? (cause as Error).message}`,
        );
  }
}
