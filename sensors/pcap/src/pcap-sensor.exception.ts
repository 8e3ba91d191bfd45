export enum PcapSensorExceptionCode {
  /** The input is not a capture, or cannot be opened: the CLI exits 2. */
  BAD_INPUT = 'BAD_INPUT',
  LIVE_CAPTURE_FAILED = 'LIVE_CAPTURE_FAILED',
  WORKER_FAILED = 'WORKER_FAILED',
  SINK_FAILED = 'SINK_FAILED',
}

export class PcapSensorException extends Error {
  constructor(
    readonly code: PcapSensorExceptionCode,
    message: string,
  ) {
    super(message);
    this.name = 'PcapSensorException';
  }
}
