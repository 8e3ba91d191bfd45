import { type CaptureStats } from '@apiscope/capture';

import { type CaptureShardOptions } from './capture-shard.util';

/** What a worker gets at start: its shard and the shared ring of capture chunks. */
export interface WorkerInit extends CaptureShardOptions {
  ring: SharedArrayBuffer;
  slotSize: number;
}

export type ToWorker =
  | { type: 'chunk'; slot: number; length: number; live: boolean }
  /** the memory of a `calls` block, handed back once written */
  | { type: 'recycle'; block: ArrayBuffer }
  | { type: 'end' };

export type FromWorker =
  | { type: 'calls'; data: Uint8Array; count: number }
  | { type: 'released'; slot: number; failed: boolean }
  | { type: 'stats'; stats: CaptureStats };
