import { createHash } from 'node:crypto';

import { Inject, Injectable, Logger, type OnModuleDestroy, Optional } from '@nestjs/common';

import { type ApiCall, formatContractIssues, validateApiCall } from '@apiscope/contracts';
import { serviceNameOf } from '@apiscope/inference';
import { aggregateEndpointStats } from '@apiscope/inventory';
import { CallRepository, type DeadLetter, DeadLetterRepository, EndpointRepository } from '@apiscope/storage';
import { ApiscopeMetrics, StorageHealthService } from '@apiscope/telemetry';
import { type BusEvent, type EventVerdict } from '@apiscope/transport';

import { batchDedupToken } from './batch-dedup-token.util';
import { enrichCalls } from './enrich-calls.util';
import { InferenceStateService } from './inference-state.service';
import {
  DEFAULT_STORAGE_RETRY,
  type RetryHooks,
  retryStorage,
  type StorageRetryPolicy,
} from './storage-retry.util';

/** Injection token of the storage retry policy (tests shorten the back-off). */
export const STORAGE_RETRY_POLICY = Symbol('STORAGE_RETRY_POLICY');

export interface PipelineCounters {
  accepted: number;
  rejected: number;
  batches: number;
}

/** Bounded JSON excerpt of a refused payload for its dead letter. */
function excerptOf(payload: unknown): string {
  try {
    return (JSON.stringify(payload) ?? String(payload)).slice(0, 1024);
  } catch {
    return '(not serialisable)';
  }
}

/**
 * What makes an event itself: ids are unique per sensor only, so the sensor is part of it; an event
 * without an id (a broken producer) is known by its content.
 */
function eventIdentity(payload: unknown): string {
  const id = field(payload, 'id');
  if (id !== '') return `${field(payload, 'sensor', 'id')}/${id}`;
  return `#${createHash('sha1').update(excerptOf(payload)).digest('hex')}`;
}

function field(payload: unknown, ...path: string[]): string {
  let v: unknown = payload;
  for (const key of path)
    v = typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[key] : undefined;
  return typeof v === 'string' ? v : '';
}

/**
 * The pipeline stage of contract v1: validate every event (refused ones go to the dead-letter table
 * with their reason), enrich the rest (service, endpoint template, credentials), and store calls and
 * per-endpoint deltas. When storage fails it retries the writes (not the inference, which must see
 * each call once) with back-off, and reports itself degraded meanwhile; it throws only when it gives
 * up (a non-retriable error, or shutdown), so the caller does not acknowledge the batch.
 */
@Injectable()
export class ProcessCallsUseCase implements OnModuleDestroy {
  private readonly logger = new Logger(ProcessCallsUseCase.name);
  private readonly counters: PipelineCounters = { accepted: 0, rejected: 0, batches: 0 };
  private stopping = false;
  private readonly retryHooks: RetryHooks = {
    failed: (error, attempt) => {
      const reason = error instanceof Error ? error.message : String(error);
      this.metrics?.storageErrors.inc({ operation: 'batch' });
      this.metrics?.storageDegraded.set(1);
      this.health?.failed(reason);
      if (attempt === 1 || attempt % 10 === 0)
        this.logger.warn(`storage failed (attempt ${attempt}): ${reason.split('\n')[0]}`);
    },
    retrying: () => this.metrics?.storageRetries.inc(),
    succeeded: () => {
      if (this.health?.current().degraded) this.logger.log('storage is back; batch stored');
      this.metrics?.storageDegraded.set(0);
      this.health?.recovered();
    },
    stopping: () => this.stopping,
  };

  constructor(
    @Inject(CallRepository) private readonly calls: CallRepository,
    @Inject(EndpointRepository) private readonly endpoints: EndpointRepository,
    @Inject(DeadLetterRepository) private readonly deadLetters: DeadLetterRepository,
    @Inject(InferenceStateService) private readonly inference: InferenceStateService,
    @Optional() @Inject(ApiscopeMetrics) private readonly metrics?: ApiscopeMetrics,
    @Optional() @Inject(StorageHealthService) private readonly health?: StorageHealthService,
    @Optional()
    @Inject(STORAGE_RETRY_POLICY)
    private readonly retryPolicy: StorageRetryPolicy = DEFAULT_STORAGE_RETRY,
  ) {
    metrics?.addCollector(() => metrics.setTemplatingState(inference.stateSizes()));
  }

  /** Stop retrying: a batch still failing at shutdown is refused (its sender keeps it), not held. */
  onModuleDestroy(): void {
    this.stopping = true;
  }

  async execute(events: readonly BusEvent[]): Promise<EventVerdict[]> {
    const started = performance.now();
    this.metrics?.eventsIn.inc({ stage: 'pipeline' }, events.length);
    this.metrics?.batchSize.observe({ stage: 'pipeline' }, events.length);
    const verdicts: EventVerdict[] = [];
    const valid: ApiCall[] = [];
    const letters: DeadLetter[] = [];
    for (const event of events) {
      const result = validateApiCall(event.payload);
      if (result.ok) {
        valid.push(result.call);
        verdicts.push(null);
      } else {
        const reason = formatContractIssues(result.issues);
        verdicts.push(reason);
        letters.push({
          source: event.source,
          eventId: field(event.payload, 'id'),
          sensorId: field(event.payload, 'sensor', 'id'),
          reason,
          excerpt: excerptOf(event.payload),
        });
      }
    }
    const token = batchDedupToken(events.map((e) => eventIdentity(e.payload)));
    await retryStorage(
      () => this.inference.load(valid.map(serviceNameOf)),
      this.retryHooks,
      this.retryPolicy,
    );
    this.inference.begin(token);
    const records = enrichCalls(valid, this.inference);
    // Independent tables; if one insert fails the batch is retried whole and the dedup token drops
    // the half that landed. Learnt state is whole-state rows (newest wins) that record the token of
    // the last batch learnt, so a retry or replay neither loses nor repeats what the batch taught.
    const stats = aggregateEndpointStats(records);
    // every write carries the batch's token, so a retry after a half-applied attempt stores it once
    await retryStorage(
      () =>
        Promise.all([
          this.calls.insert(records, token),
          this.endpoints.insertStats(stats, token),
          this.deadLetters.insert(letters, token),
          this.inference.flush(),
        ]),
      this.retryHooks,
      this.retryPolicy,
    );
    this.metrics?.eventsOut.inc({ stage: 'pipeline' }, valid.length);
    this.metrics?.eventsDropped.inc({ stage: 'pipeline', reason: 'contract' }, letters.length);
    this.metrics?.batchSeconds.observe({ stage: 'pipeline' }, (performance.now() - started) / 1000);
    this.counters.accepted += valid.length;
    this.counters.rejected += letters.length;
    this.counters.batches += 1;
    if (letters.length > 0)
      this.logger.warn(`batch of ${events.length}: ${letters.length} refused, first: ${letters[0].reason}`);
    return verdicts;
  }

  /** After a rebalance: learnt state is reloaded from storage on the next batch of each service. */
  forgetLearntState(): void {
    this.inference.forget();
  }

  /**
   * Runs another write of the pipeline (the Kafka worker's batch intents) under the same retry and
   * health reporting as the batch itself, so an outage stops the consumer instead of crashing it.
   */
  withStorageRetry<T>(write: () => Promise<T>): Promise<T> {
    return retryStorage(write, this.retryHooks, this.retryPolicy);
  }

  stats(): PipelineCounters {
    return { ...this.counters };
  }
}
