import { open } from 'node:fs/promises';

import { type ApiCall } from '@apiscope/contracts';
import { type CaptureStats, HttpCaptureParser } from '@apiscope/capture';

import { PcapSensorException, PcapSensorExceptionCode } from './pcap-sensor.exception';
import { unreadableInput } from './unreadable-input.util';

export interface ReadCaptureOptions {
  sensorId: string;
  maxBodyBytes?: number;
  /** Called with the events of each block read; awaited, so a slow consumer paces the reading. */
  onCalls: (calls: ApiCall[]) => Promise<void>;
}

/**
 * A capture file's events as objects, in batches, in this thread: what `apiscope up --pcap` and
 * `apiscope analyze --pcap` feed to the in-process bus. Throws BAD_INPUT for unreadable files.
 */
export async function readCaptureCalls(path: string, options: ReadCaptureOptions): Promise<CaptureStats> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code ?? String(cause);
    throw new PcapSensorException(
      PcapSensorExceptionCode.BAD_INPUT,
      `cannot read capture file ${path}: ${code}`,
    );
  }
  let batch: ApiCall[] = [];
  const engine = new HttpCaptureParser({
    sensorId: options.sensorId,
    maxBodyBytes: options.maxBodyBytes,
    onCall: (call) => batch.push(call),
  });
  const buffer = Buffer.allocUnsafe(4 * 1024 * 1024);
  try {
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0 || engine.failed) break;
      engine.push(buffer.subarray(0, bytesRead));
      if (batch.length > 0) {
        const ready = batch;
        batch = [];
        await options.onCalls(ready);
      }
    }
  } finally {
    await handle.close();
  }
  const stats = engine.finish();
  if (batch.length > 0) await options.onCalls(batch);
  const unreadable = unreadableInput(stats);
  if (unreadable !== undefined)
    throw new PcapSensorException(PcapSensorExceptionCode.BAD_INPUT, `${path}: ${unreadable}`);
  return stats;
}
