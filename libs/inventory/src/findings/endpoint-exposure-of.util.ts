import { endpointKeyPath } from '../endpoint-key.util';
import { type InventoryEndpoint } from '../inventory.type';
import { type EndpointExposure } from './endpoint-exposure.type';
import { mergeSensitiveFields } from './merge-sensitive-fields.util';

/**
 * The exposure summary findings are computed from, read off a resolved inventory endpoint. Endpoints
 * merged by a reference spec may list one field twice: fields are folded again. Without counters
 * (profiles stored before they existed) the summary falls back on what the endpoint itself shows:
 * 429 answers as rate-limit signals, the response classes as one response, no plain-HTTP calls.
 * The spec's security is the one applyReferenceSpecs noted on the endpoint (latest version's operation).
 */
export function endpointExposureOf(
  service: string,
  e: InventoryEndpoint,
  counters: InventoryEndpoint['exposure'] = e.exposure,
): EndpointExposure {
  const specSecurity = e.spec?.security;
  // seen times matter to merging only (findings do not cite them)
  const sensitive =
    e.sensitive.length === 0
      ? []
      : mergeSensitiveFields(
          e.sensitive.map((f) => ({
            ...f,
            firstSeen: e.firstSeen === null ? 0 : Date.parse(e.firstSeen),
            lastSeen: e.lastSeen === null ? 0 : Date.parse(e.lastSeen),
          })),
        );
  const responseClasses = (): number =>
    new Set(sensitive.filter((f) => f.location === 'response.body').map((f) => f.class)).size;
  return {
    service,
    method: e.method,
    pathTemplate: endpointKeyPath(e),
    calls: e.calls,
    auth: { status: e.auth.status, unauthenticatedSuccesses: e.auth.unauthenticatedSuccesses },
    sensitive,
    maxClassesPerResponse: counters?.maxClassesPerResponse ?? responseClasses(),
    rateLimitSignals: counters?.rateLimitSignals ?? e.statusCodes['429'] ?? 0,
    plaintextSensitiveCalls: counters?.plaintextSensitiveCalls ?? 0,
    ...(specSecurity && { specSecurity }),
  };
}
