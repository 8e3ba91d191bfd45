import { type LineLogFormat } from '@apiscope/logs';

import { type LogOffsetsRepository } from './log-offsets.repository';
import { type LogSensorSettings } from './log-sensor-settings.type';

/** What every followed path shares. */
export interface FollowContext {
  settings: LogSensorSettings;
  format: LineLogFormat;
  store: LogOffsetsRepository;
  /** Fingerprints being read right now: one content is read by one reader at a time. */
  owners: Set<string>;
  /** A file too short to fingerprint is fingerprinted on its complete lines after this quiet time. */
  quietMs: number;
  /** After a rename rotation, the old file is still read until it has been quiet this long. */
  retireMs: number;
  /** After each delivered batch's offset is recorded (`--resume` saves it right away). */
  onDelivered?: () => void;
}
