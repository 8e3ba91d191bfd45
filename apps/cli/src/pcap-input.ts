import { basename } from 'node:path';

import { diagnoseNoHttp } from '@apiscope/capture';
import { type ApiCall } from '@apiscope/contracts';
import { PcapSensorException, PcapSensorExceptionCode, readCaptureCalls } from '@apiscope/sensor-pcap';
import { type InProcessBus } from '@apiscope/transport';

import { UsageException } from './usage.exception';

export interface PcapInputReport {
  file: string;
  accepted: number;
  rejected: number;
  /** Exchanges the sensor could not turn into events, and requests without a response. */
  exchanges: number;
  incomplete: number;
  /** Set when the capture held no HTTP: why, in one line. */
  noHttp?: string;
}

const PUBLISH_CHUNK = 2000;

/** Reads a capture file with the pcap sensor and sends its events through the bus (like har-input). */
export async function ingestPcapFile(
  bus: InProcessBus,
  file: string,
  maxBodyBytes?: number,
): Promise<PcapInputReport> {
  const report: PcapInputReport = { file, accepted: 0, rejected: 0, exchanges: 0, incomplete: 0 };
  const source = `pcap:${basename(file)}`;
  try {
    const stats = await readCaptureCalls(file, {
      sensorId: source.slice(0, 120),
      ...(maxBodyBytes !== undefined && { maxBodyBytes }),
      onCalls: async (calls: ApiCall[]) => {
        for (let i = 0; i < calls.length; i += PUBLISH_CHUNK) {
          const outcome = await bus.publish(
            calls.slice(i, i + PUBLISH_CHUNK).map((payload) => ({ payload, source })),
          );
          report.accepted += outcome.accepted;
          report.rejected += outcome.rejected;
        }
      },
    });
    report.exchanges = stats.calls;
    report.incomplete = stats.http.incomplete;
    const why = diagnoseNoHttp(stats);
    if (why !== undefined) report.noHttp = why;
  } catch (error) {
    if (error instanceof PcapSensorException && error.code === PcapSensorExceptionCode.BAD_INPUT)
      throw new UsageException(error.message);
    throw error;
  }
  return report;
}
