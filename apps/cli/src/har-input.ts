import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';

import { type HarReadResult, parseHar } from '@apiscope/logs';
import { type InProcessBus, type PublishOutcome } from '@apiscope/transport';

import { UsageException } from './usage.exception';

export interface InputReport extends PublishOutcome {
  file: string;
  skipped: HarReadResult['skipped'];
}

const PUBLISH_CHUNK = 2000;

/** Reads a HAR file and sends its calls through the bus; a file that is not HAR is a usage error. */
export async function ingestHarFile(bus: InProcessBus, file: string): Promise<InputReport> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    throw new UsageException(
      `cannot read HAR file ${file}: ${(cause as NodeJS.ErrnoException).code ?? String(cause)}`,
    );
  }
  let parsed: HarReadResult;
  try {
    // sensor ids are bounded (128): a long file name is cut, not an error
    parsed = parseHar(text, { sensorId: `har:${basename(file)}`.slice(0, 120) });
  } catch (cause) {
    throw new UsageException(`${file}: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
  const report: InputReport = { file, accepted: 0, rejected: 0, rejections: [], skipped: parsed.skipped };
  for (let i = 0; i < parsed.calls.length; i += PUBLISH_CHUNK) {
    const outcome = await bus.publish(
      parsed.calls
        .slice(i, i + PUBLISH_CHUNK)
        .map((payload) => ({ payload, source: `har:${basename(file)}` })),
    );
    report.accepted += outcome.accepted;
    report.rejected += outcome.rejected;
    report.rejections.push(...outcome.rejections.map((r) => ({ index: r.index + i, reason: r.reason })));
  }
  return report;
}
