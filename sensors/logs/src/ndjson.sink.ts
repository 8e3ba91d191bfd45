import { type Writable } from 'node:stream';

import { type ApiCall } from '@apiscope/contracts';
import { type PublishOutcome } from '@apiscope/transport';

import { type CallSink } from './call-sink.type';

/** `--sink stdout`: one ApiCall per line (NDJSON), written in order, respecting back-pressure. */
export class NdjsonSink implements CallSink {
  readonly name = 'stdout';

  constructor(private readonly out: Writable) {}

  async send(calls: readonly ApiCall[]): Promise<PublishOutcome> {
    if (calls.length === 0) return { accepted: 0, rejected: 0, rejections: [] };
    let text = '';
    for (const call of calls) text += `${JSON.stringify(call)}\n`;
    if (!this.out.write(text)) await new Promise<void>((resolve) => this.out.once('drain', resolve));
    return { accepted: calls.length, rejected: 0, rejections: [] };
  }

  async close(): Promise<void> {
    // stdout is flushed by the runtime on exit; other streams are ended by their owner
  }
}
