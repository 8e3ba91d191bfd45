import { type ApiCall } from '@apiscope/contracts';

export interface HarReadOptions {
  /** Becomes `sensor.id` and the prefix of every event id. */
  sensorId: string;
  /** Body bytes kept per request or response; default 65536 (the sensor cap of DESIGN.md). */
  maxBodyBytes?: number;
}

/** One entry that produced no event, and why, so a user can tell a broken export from a filter. */
export interface HarSkip {
  /** Index in `log.entries`. */
  entry: number;
  reason: string;
}

export interface HarReadResult {
  calls: ApiCall[];
  skipped: HarSkip[];
}
