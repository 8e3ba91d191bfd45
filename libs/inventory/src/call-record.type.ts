import { type AuthScheme, type CredentialPresence } from '@apiscope/inference';

/** What storage keeps of one call: metadata only, never bodies or header/query values. */
export interface CallRecord {
  ts: number;
  callId: string;
  sensorId: string;
  sensorKind: string;
  service: string;
  method: string;
  path: string;
  pathTemplate: string;
  /** 0 when no response was seen. */
  status: number;
  durationMs: number | null;
  srcIp: string;
  dstIp: string;
  dstPort: number;
  authSchemes: AuthScheme[];
  credentials: CredentialPresence;
  requestSize: number;
  responseSize: number;
  incomplete: boolean;
}
