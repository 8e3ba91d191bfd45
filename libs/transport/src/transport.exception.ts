export enum TransportExceptionCode {
  BUS_OVERLOADED = 'BUS_OVERLOADED',
  BUS_CLOSED = 'BUS_CLOSED',
  NO_CONSUMER = 'NO_CONSUMER',
  INGEST_REJECTED = 'INGEST_REJECTED',
  INGEST_UNREACHABLE = 'INGEST_UNREACHABLE',
  INVALID_TARGET = 'INVALID_TARGET',
  KAFKA_UNAVAILABLE = 'KAFKA_UNAVAILABLE',
}

export class TransportException extends Error {
  constructor(
    readonly code: TransportExceptionCode,
    message: string,
    /** True when the same call may succeed later (overload, network), false when it never will. */
    readonly retriable: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'TransportException';
  }
}
