import { type CaptureStats } from '@apiscope/capture';

import { type CaptureShardOptions } from './capture-shard.util';

/**
 * What a worker gets at start: its shard and the ring its input arrives in. `routed` false: the
 * ring holds capture bytes that every worker reads; true: it is this worker's own ring, holding
 * the frames routed to it (frame-batch.util.ts).
 */
export interface WorkerInit extends CaptureShardOptions {
  ring: SharedArrayBuffer;
  slotSize: number;
  routed: boolean;
}

export type ToWorker =
  | { type: 'chunk'; slot: number; length: number; live: boolean }
  /** a routed frame too large for a slot, in its own (transferred) memory */
  | { type: 'frame'; data: Uint8Array; linkType: number; tsMs: number; everyShard: boolean }
  /** the memory of a `calls` block, handed back once written */
  | { type: 'recycle'; block: ArrayBuffer }
  | { type: 'end' };

export type FromWorker =
  | { type: 'calls'; data: Uint8Array; count: number }
  | { type: 'released'; slot: number; failed: boolean }
  | { type: 'frameReleased'; bytes: number }
  | { type: 'stats'; stats: CaptureStats };
