import { type ApiCall } from '@apiscope/contracts';
import { type InProcessBus, type PublishOutcome } from '@apiscope/transport';

import { type CallSink } from './call-sink.type';

/** `apiscope up/analyze --log`: straight into the in-process pipeline, waiting until stored. */
export class BusSink implements CallSink {
  readonly name = 'pipeline';

  constructor(
    private readonly bus: InProcessBus,
    private readonly source: string,
  ) {}

  send(calls: readonly ApiCall[]): Promise<PublishOutcome> {
    return this.bus.publish(calls.map((payload) => ({ payload, source: this.source })));
  }

  async close(): Promise<void> {
    await this.bus.drain();
  }
}
