/**
 * What `--resume` keeps per capture file in `<data>/pcap-resume/<key>.json`: how far the capture's
 * events were delivered to the sink, as a count per worker shard. Each shard's events come out in
 * the same order on every read of the same bytes with the same settings (the engines are
 * deterministic and see the same 4 MiB chunks), and batches are sent one at a time in arrival
 * order, so what the sink accepted is always a prefix of every shard's sequence.
 */
export interface CaptureCheckpoint {
  version: 1;
  kind: 'apiscope-pcap-checkpoint';
  capture: {
    /** Where it was last read (informative: the key is the content, not the path). */
    path: string;
    size: number;
    /** Digest of the first bytes (capture-key.util). */
    head: string;
  };
  /** Everything that decides which events come out, and in which order per shard. */
  settings: CheckpointSettings;
  /** The sink the counts refer to: skipping events delivered elsewhere would lose them. */
  sink: string;
  /** Batches accepted by the sink so far (the next pending batch has number `batches + 1`). */
  batches: number;
  /** Events accepted by the sink, per shard. */
  delivered: number[];
  /** Read to its end and everything accepted: a `--resume` has nothing left to do. */
  complete: boolean;
  updatedAt: number;
}

export interface CheckpointSettings {
  sensorId: string;
  workers: number;
  maxBodyBytes: number;
  maxFlows: number | null;
  memoryLimitBytes: number | null;
}

/** The batch sent but not yet confirmed (`<key>.pending.ndjson`): replayed first, byte for byte. */
export interface PendingBatch {
  batch: number;
  /** Events of the batch per shard. */
  counts: number[];
  /** The events, one JSON document each, in the order sent. */
  lines: string[];
  /** Where the sink stood before it was sent (Kafka), to find out which of its events landed. */
  mark?: Record<string, string>;
}
