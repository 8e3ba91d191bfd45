import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Where events are counted: each stage counts what it received, passed on and dropped. */
export type MetricStage = 'ingest' | 'bus' | 'pipeline' | 'kafka';

/** Why an event did not go on: a closed set, so the label cannot grow. */
export type DropReason = 'contract' | 'overloaded' | 'shutdown' | 'storage';

/** A source of gauges read at scrape time (buffer fill, lag, state sizes): nothing to update in the hot path. */
export type MetricsCollector = () => void;

/** Services beyond this many get one aggregate label value, so a Host-header flood cannot blow up the series. */
export const DEFAULT_MAX_SERVICE_LABELS = 50;
export const OTHER_SERVICES_LABEL = '_other';

/**
 * The process's Prometheus metrics (one registry per process, so tests can run several apps side by
 * side). Hot paths update counters and histograms; sizes that already exist elsewhere (bus queue,
 * consumer lag, templating state) are read through collectors when `/metrics` is scraped.
 */
export class ApiscopeMetrics {
  readonly registry = new Registry();
  readonly eventsIn: Counter<'stage'>;
  readonly eventsOut: Counter<'stage'>;
  readonly eventsDropped: Counter<'stage' | 'reason'>;
  readonly batchSize: Histogram<'stage'>;
  readonly batchSeconds: Histogram<'stage'>;
  readonly storageErrors: Counter<'operation'>;
  readonly storageRetries: Counter;
  readonly storageDegraded: Gauge;
  readonly bufferEvents: Gauge<'buffer'>;
  readonly bufferCapacity: Gauge<'buffer'>;
  readonly consumerLag: Gauge<'topic' | 'partition'>;
  readonly templatingState: Gauge<'service' | 'kind'>;
  readonly maxServiceLabels: number;
  private readonly collectors: MetricsCollector[] = [];

  constructor(options: { maxServiceLabels?: number; processMetrics?: boolean } = {}) {
    this.maxServiceLabels = options.maxServiceLabels ?? DEFAULT_MAX_SERVICE_LABELS;
    const registers = [this.registry];
    this.eventsIn = new Counter({
      name: 'apiscope_events_in_total',
      help: 'events received by a stage',
      labelNames: ['stage'],
      registers,
    });
    this.eventsOut = new Counter({
      name: 'apiscope_events_out_total',
      help: 'events a stage passed on (pipeline: stored)',
      labelNames: ['stage'],
      registers,
    });
    this.eventsDropped = new Counter({
      name: 'apiscope_events_dropped_total',
      help: 'events a stage did not pass on, by reason (contract: refused and dead-lettered; overloaded: refused with 503, the sender retries)',
      labelNames: ['stage', 'reason'],
      registers,
    });
    this.batchSize = new Histogram({
      name: 'apiscope_batch_size_events',
      help: 'events per batch',
      labelNames: ['stage'],
      buckets: [1, 10, 100, 500, 1000, 5000, 10_000, 20_000, 50_000],
      registers,
    });
    this.batchSeconds = new Histogram({
      name: 'apiscope_batch_duration_seconds',
      help: 'time to process and store one batch (each attempt)',
      labelNames: ['stage'],
      buckets: [0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    });
    this.storageErrors = new Counter({
      name: 'apiscope_clickhouse_errors_total',
      help: 'failed ClickHouse writes (a failed batch counts once)',
      labelNames: ['operation'],
      registers,
    });
    this.storageRetries = new Counter({
      name: 'apiscope_storage_retries_total',
      help: 'batch retries after a storage failure',
      registers,
    });
    this.storageDegraded = new Gauge({
      name: 'apiscope_storage_degraded',
      help: '1 while the pipeline cannot store and is retrying',
      registers,
    });
    this.bufferEvents = new Gauge({
      name: 'apiscope_buffer_events',
      help: 'events held in a buffer waiting to be stored',
      labelNames: ['buffer'],
      registers,
    });
    this.bufferCapacity = new Gauge({
      name: 'apiscope_buffer_capacity_events',
      help: 'bound of a buffer; publishes beyond it are refused, not queued',
      labelNames: ['buffer'],
      registers,
    });
    this.consumerLag = new Gauge({
      name: 'apiscope_kafka_consumer_lag',
      help: 'messages behind the partition high watermark after the last batch',
      labelNames: ['topic', 'partition'],
      registers,
    });
    this.templatingState = new Gauge({
      name: 'apiscope_templating_state',
      help: `learnt templating state per service (kind: nodes of the path trie, endpoints profiled); services beyond the largest ${this.maxServiceLabels} are summed under service="${OTHER_SERVICES_LABEL}"`,
      labelNames: ['service', 'kind'],
      registers,
    });
    if (options.processMetrics ?? true)
      collectDefaultMetrics({ register: this.registry, prefix: 'apiscope_' });
  }

  /** Registers a function run before each scrape. */
  addCollector(collector: MetricsCollector): void {
    this.collectors.push(collector);
  }

  /** Sets the per-service templating gauges, keeping the largest services and summing the rest. */
  setTemplatingState(sizes: ReadonlyMap<string, { nodes: number; endpoints: number }>): void {
    this.templatingState.reset();
    const ranked = [...sizes].sort((a, b) => b[1].nodes + b[1].endpoints - (a[1].nodes + a[1].endpoints));
    const other = { nodes: 0, endpoints: 0 };
    ranked.forEach(([service, size], index) => {
      if (index < this.maxServiceLabels) {
        this.templatingState.set({ service, kind: 'nodes' }, size.nodes);
        this.templatingState.set({ service, kind: 'endpoints' }, size.endpoints);
      } else {
        other.nodes += size.nodes;
        other.endpoints += size.endpoints;
      }
    });
    if (ranked.length > this.maxServiceLabels) {
      this.templatingState.set({ service: OTHER_SERVICES_LABEL, kind: 'nodes' }, other.nodes);
      this.templatingState.set({ service: OTHER_SERVICES_LABEL, kind: 'endpoints' }, other.endpoints);
    }
  }

  /** The exposition text (Prometheus text format 0.0.4). */
  async scrape(): Promise<string> {
    for (const collect of this.collectors) collect();
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
