import { type ApiCall } from '@apiscope/contracts';
import { type PublishOutcome } from '@apiscope/transport';

/**
 * Where the log sensor delivers events. `send` resolves once the sink holds the batch (written to
 * stdout, stored by a remote apiscope, stored by the in-process pipeline): only then are offsets saved.
 */
export interface CallSink {
  readonly name: string;
  send(calls: readonly ApiCall[]): Promise<PublishOutcome>;
  close(): Promise<void>;
}
