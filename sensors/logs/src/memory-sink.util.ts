import { type ApiCall } from '@apiscope/contracts';
import { type PublishOutcome } from '@apiscope/transport';

import { type CallSink } from './call-sink.type';

/**
 * Keeps what it is sent, batch by batch: for tests of the sensor, and for callers that want the
 * events in memory. It accepts everything, as stdout does.
 */
export class MemorySink implements CallSink {
  readonly name = 'memory';
  readonly batches: ApiCall[][] = [];

  get calls(): ApiCall[] {
    return this.batches.flat();
  }

  async send(calls: readonly ApiCall[]): Promise<PublishOutcome> {
    this.batches.push([...calls]);
    return Promise.resolve({ accepted: calls.length, rejected: 0, rejections: [] });
  }

  async close(): Promise<void> {
    return Promise.resolve();
  }
}
