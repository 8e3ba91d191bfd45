import { type ApiCall } from '@apiscope/contracts';
import { type CallAuth } from '@apiscope/inference';

import { type CallRecord } from './call-record.type';

/**
 * A validated call as stored: its service, the endpoint key it is aggregated under (the template
 * known when it was written; resolved again when read) and its credentials.
 */
export function toCallRecord(
  call: ApiCall,
  service: string,
  pathTemplate: string,
  auth: CallAuth,
): CallRecord {
  return {
    ts: call.ts,
    callId: call.id,
    sensorId: call.sensor.id,
    sensorKind: call.sensor.kind,
    service,
    // Methods are case-sensitive tokens, but `get` and `GET` name one operation in practice.
    method: call.request.method.toUpperCase(),
    path: call.request.path,
    pathTemplate,
    status: call.response?.status ?? 0,
    durationMs: call.durationMs ?? null,
    srcIp: call.src?.ip ?? '',
    dstIp: call.dst?.ip ?? '',
    dstPort: call.dst?.port ?? 0,
    authSchemes: auth.schemes,
    credentials: auth.credentials,
    requestSize: call.request.body?.size ?? 0,
    responseSize: call.response?.body?.size ?? 0,
    incomplete: call.incomplete === true,
  };
}
