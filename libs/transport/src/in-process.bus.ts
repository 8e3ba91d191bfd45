import { type BatchHandler, type BusEvent, type EventVerdict, type PublishOutcome } from './bus.type';
import { TransportException, TransportExceptionCode } from './transport.exception';

export interface InProcessBusOptions {
  /** Events waiting for the consumer; past it, publish fails fast (HTTP 503) instead of growing memory. */
  maxPendingEvents?: number;
  /** Queued publishes are coalesced into consumer batches of up to this many events (fewer, larger inserts). */
  maxBatchEvents?: number;
}

interface Pending {
  events: BusEvent[];
  resolve: (outcome: PublishOutcome) => void;
  reject: (error: unknown) => void;
}

export interface BusStats {
  pendingEvents: number;
  processedEvents: number;
  batches: number;
  failedBatches: number;
  /** Events refused at publish because the queue was full (the publisher gets BUS_OVERLOADED). */
  refusedEvents: number;
  /** Events accepted into the queue. */
  publishedEvents: number;
  /** Events of batches whose handler failed (their publishers got the error and keep them). */
  failedEvents: number;
}

/**
 * The embedded-mode bus: publishers wait until their events are stored (or refused), so an HTTP
 * sensor gets its 200 only once the data is safe; the single consumer loop keeps one writer.
 */
export class InProcessBus {
  private readonly queue: Pending[] = [];
  private handler: BatchHandler | undefined;
  private running = false;
  private closed = false;
  private idleWaiters: Array<() => void> = [];
  private readonly maxPending: number;
  private readonly maxBatch: number;
  private readonly counters = {
    pendingEvents: 0,
    processedEvents: 0,
    batches: 0,
    failedBatches: 0,
    refusedEvents: 0,
    publishedEvents: 0,
    failedEvents: 0,
  };

  constructor(options: InProcessBusOptions = {}) {
    this.maxPending = options.maxPendingEvents ?? 200_000;
    this.maxBatch = options.maxBatchEvents ?? 20_000;
  }

  subscribe(handler: BatchHandler): void {
    if (this.handler) throw new Error('the in-process bus has one consumer');
    this.handler = handler;
    this.pump();
  }

  publish(events: BusEvent[]): Promise<PublishOutcome> {
    if (this.closed)
      return Promise.reject(
        new TransportException(TransportExceptionCode.BUS_CLOSED, 'apiscope is shutting down', true),
      );
    if (events.length === 0) return Promise.resolve({ accepted: 0, rejected: 0, rejections: [] });
    if (this.counters.pendingEvents + events.length > this.maxPending && this.counters.pendingEvents > 0) {
      this.counters.refusedEvents += events.length;
      return Promise.reject(
        new TransportException(
          TransportExceptionCode.BUS_OVERLOADED,
          `pipeline is busy (${this.counters.pendingEvents} events queued); retry later`,
          true,
        ),
      );
    }
    this.counters.pendingEvents += events.length;
    this.counters.publishedEvents += events.length;
    return new Promise<PublishOutcome>((resolve, reject) => {
      this.queue.push({ events, resolve, reject });
      this.pump();
    });
  }

  stats(): BusStats {
    return { ...this.counters };
  }

  /** The bound on queued events (what `stats().pendingEvents` is measured against). */
  get capacity(): number {
    return this.maxPending;
  }

  /** Resolves once everything published so far has been handled. */
  drain(): Promise<void> {
    if (!this.running && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Refuses new events and waits for the queued ones (graceful shutdown). */
  async close(): Promise<void> {
    this.closed = true;
    if (!this.handler) {
      for (const p of this.queue.splice(0))
        p.reject(
          new TransportException(
            TransportExceptionCode.NO_CONSUMER,
            'no pipeline consumed these events',
            true,
          ),
        );
      return;
    }
    await this.drain();
  }

  private pump(): void {
    if (this.running || !this.handler || this.queue.length === 0) return;
    this.running = true;
    void this.loop(this.handler);
  }

  private async loop(handler: BatchHandler): Promise<void> {
    while (this.queue.length > 0) {
      const taken: Pending[] = [];
      let size = 0;
      // Always take at least one publish, even one larger than maxBatch: it was accepted whole.
      while (
        this.queue.length > 0 &&
        (taken.length === 0 || size + this.queue[0].events.length <= this.maxBatch)
      ) {
        const next = this.queue.shift() as Pending;
        taken.push(next);
        size += next.events.length;
      }
      const events = taken.flatMap((p) => p.events);
      let verdicts: EventVerdict[] | undefined;
      let failure: unknown;
      try {
        verdicts = await handler(events);
      } catch (error) {
        failure = error;
      }
      this.counters.pendingEvents -= size;
      this.counters.batches += 1;
      if (verdicts) this.counters.processedEvents += size;
      else {
        this.counters.failedBatches += 1;
        this.counters.failedEvents += size;
      }
      let offset = 0;
      for (const p of taken) {
        if (verdicts) p.resolve(outcomeOf(verdicts.slice(offset, offset + p.events.length)));
        else p.reject(failure);
        offset += p.events.length;
      }
    }
    this.running = false;
    for (const wake of this.idleWaiters.splice(0)) wake();
  }
}

function outcomeOf(verdicts: EventVerdict[]): PublishOutcome {
  const rejections: PublishOutcome['rejections'] = [];
  verdicts.forEach((v, index) => {
    if (v !== null) rejections.push({ index, reason: v });
  });
  return { accepted: verdicts.length - rejections.length, rejected: rejections.length, rejections };
}
