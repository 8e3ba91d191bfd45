import { type ApiCall } from '@apiscope/contracts';

import { type BodyTexts } from '../http/api-call.builder';

export interface HttpCaptureOptions {
  /** `sensor.id` of every event. */
  sensorId: string;
  /** `sensor.kind`; default `pcap`. */
  sensorKind?: string;
  /** Body bytes kept per request and per response; default 64 KiB. */
  maxBodyBytes?: number;
  /** This engine's shard and the number of shards (connections split by 5-tuple hash). */
  shardIndex?: number;
  shardCount?: number;
  /** Open connections kept; past it the oldest is flushed. Default 200,000. */
  maxFlows?: number;
  /** Bytes held over all connections (out-of-order segments, split heads, bodies); default 512 MiB. */
  memoryLimitBytes?: number;
  /** Out-of-order bytes held per direction before the hole is declared lost; default 4 MiB. */
  maxFlowBufferBytes?: number;
  /** Connections silent this long (capture time) are flushed; default 120 s. */
  idleTimeoutMs?: number;
  /** Bytes per direction searched for a first HTTP message before giving up; default 64 KiB. */
  scanBytes?: number;
  /**
   * Leave the UTF-8 text of bodies as bytes: `data` unset, the bytes in `onCall`'s `texts`, which
   * is reused for the next event (serialise the event before returning). For a sensor whose events
   * only go to writeApiCallJson; default false (`data` holds the text).
   */
  textBodiesAsBytes?: boolean;
  onCall: (call: ApiCall, texts?: BodyTexts) => void;
}

export const CAPTURE_DEFAULTS = {
  sensorKind: 'pcap',
  maxBodyBytes: 64 * 1024,
  shardIndex: 0,
  shardCount: 1,
  maxFlows: 200_000,
  memoryLimitBytes: 512 * 1024 * 1024,
  maxFlowBufferBytes: 4 * 1024 * 1024,
  idleTimeoutMs: 120_000,
  scanBytes: 64 * 1024,
  textBodiesAsBytes: false,
} as const;

export function resolveCaptureOptions(options: HttpCaptureOptions): Required<HttpCaptureOptions> {
  const given = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
  return { ...CAPTURE_DEFAULTS, ...given } as Required<HttpCaptureOptions>;
}
