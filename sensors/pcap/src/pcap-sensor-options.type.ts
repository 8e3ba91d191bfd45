/** Where the capture bytes come from. */
export type CaptureSource =
  { kind: 'file'; path: string } | { kind: 'stdin' } | { kind: 'interface'; name: string; bpf?: string };

/** Where events go: NDJSON on stdout, or batches to a remote apiscope's ingest API. */
export type CallSink =
  | { kind: 'stdout' }
  | { kind: 'http'; url: string; apiKey: string }
  | { kind: 'kafka'; brokers: string[]; topic: string };

export interface PcapSensorOptions {
  source: CaptureSource;
  sink: CallSink;
  /** Worker threads, each owning a shard of the connections; 1 runs in the calling thread. */
  workers: number;
  maxBodyBytes: number;
  /** Open connections kept over all workers; past it the oldest are flushed (default 200,000 per worker). */
  maxFlows?: number;
  /** Bytes held over all workers (out-of-order segments, split heads, bodies); default 512 MiB per worker. */
  memoryLimitBytes?: number;
  sensorId: string;
  /** Draw a progress bar on stderr (files only, when stderr is a terminal). */
  progress: boolean;
  /** `--resume` (files only): checkpoint delivery in `<dataDir>/pcap-resume/` and continue after it. */
  resume?: ResumeOptions;
}

export interface ResumeOptions {
  dataDir: string;
  /** Crash tests: SIGKILL after this run's Nth accepted batch, before its checkpoint (see CheckpointedCallProducer). */
  crashAfterBatches?: number;
  /** Events per batch (default 1,000). */
  batchEvents?: number;
}
