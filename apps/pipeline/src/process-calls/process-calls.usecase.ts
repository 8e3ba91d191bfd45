import { createHash } from 'node:crypto';

import { Inject, Injectable, Logger } from '@nestjs/common';

import { type ApiCall, formatContractIssues, validateApiCall } from '@apiscope/contracts';
import { serviceNameOf } from '@apiscope/inference';
import { aggregateEndpointStats } from '@apiscope/inventory';
import { CallRepository, type DeadLetter, DeadLetterRepository, EndpointRepository } from '@apiscope/storage';
import { type BusEvent, type EventVerdict } from '@apiscope/transport';

import { batchDedupToken } from './batch-dedup-token.util';
import { enrichCalls } from './enrich-calls.util';
import { InferenceStateService } from './inference-state.service';

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
 * per-endpoint deltas. Throws when storage fails, so the caller does not acknowledge the batch.
 */
@Injectable()
export class ProcessCallsUseCase {
  private readonly logger = new Logger(ProcessCallsUseCase.name);
  private readonly counters: PipelineCounters = { accepted: 0, rejected: 0, batches: 0 };

  constructor(
    @Inject(CallRepository) private readonly calls: CallRepository,
    @Inject(EndpointRepository) private readonly endpoints: EndpointRepository,
    @Inject(DeadLetterRepository) private readonly deadLetters: DeadLetterRepository,
    @Inject(InferenceStateService) private readonly inference: InferenceStateService,
  ) {}

  async execute(events: readonly BusEvent[]): Promise<EventVerdict[]> {
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
    await this.inference.load(valid.map(serviceNameOf));
    this.inference.begin(token);
    const records = enrichCalls(valid, this.inference);
    // Independent tables; if one insert fails the batch is retried whole and the dedup token drops
    // the half that landed. Learnt state is whole-state rows (newest wins) that record the token of
    // the last batch learnt, so a retry or replay neither loses nor repeats what the batch taught.
    await Promise.all([
      this.calls.insert(records, token),
      this.endpoints.insertStats(aggregateEndpointStats(records), token),
      this.deadLetters.insert(letters),
      this.inference.flush(),
    ]);
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

  stats(): PipelineCounters {
    return { ...this.counters };
  }
}
