import { type ApiCall } from '@apiscope/contracts';
import { detectCallAuth, serviceNameOf, templatePath } from '@apiscope/inference';

import { type CallRecord } from './call-record.type';

/** Enriches a validated call with its service, endpoint template and credentials. */
export function toCallRecord(call: ApiCall): CallRecord {
  const auth = detectCallAuth(call.request);
  return {
    ts: call.ts,
    callId: call.id,
    sensorId: call.sensor.id,
    sensorKind: call.sensor.kind,
    service: serviceNameOf(call),
    // Methods are case-sensitive tokens, but `get` and `GET` name one operation in practice.
    method: call.request.method.toUpperCase(),
    path: call.request.path,
    pathTemplate: templatePath(call.request.path),
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
