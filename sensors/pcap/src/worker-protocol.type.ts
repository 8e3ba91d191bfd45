import { type CaptureStats } from '@apiscope/capture';

import { type CaptureShardOptions } from './capture-shard.util';

/**
 * What a worker gets at start: its shard and the ring of capture chunks. Without `index`, the
 * worker reads every chunk whole (one worker); with it, only the frames the reading thread listed
 * for it there (frame-index.util.ts), and a chunk message's `length` is their number.
 */
export interface WorkerInit extends CaptureShardOptions {
  ring: SharedArrayBuffer;
  slotSize: number;
  index?: { buffer: SharedArrayBuffer; capacity: number; slots: number };
}

export type ToWorker =
  | { type: 'chunk'; slot: number; length: number; live: boolean }
  /** a routed frame too large for a slot, in its own shared memory */
  | { type: 'frame'; data: Uint8Array; linkType: number; tsMs: number; everyShard: boolean }
  /** the memory of a `calls` block, handed back once written */
  | { type: 'recycle'; block: SharedArrayBuffer }
  | { type: 'end' };

export type FromWorker =
  | { type: 'calls'; data: Uint8Array; count: number }
  | { type: 'released'; slot: number; failed: boolean }
  | { type: 'frameReleased'; bytes: number }
  | { type: 'stats'; stats: CaptureStats };
