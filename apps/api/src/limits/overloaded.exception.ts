import { HttpException, HttpStatus } from '@nestjs/common';

/** 503 with Retry-After: the API refuses work it has no capacity for rather than queueing it unbounded. */
export class OverloadedException extends HttpException {
  constructor(
    message: string,
    readonly retryAfterSeconds = 1,
  ) {
    super(message, HttpStatus.SERVICE_UNAVAILABLE);
  }
}
