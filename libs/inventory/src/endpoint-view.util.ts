import { type EndpointProfile } from '@apiscope/inference';

import {
  describeAuthDetails,
  describeParameters,
  describeRequestBody,
  describeResponses,
} from './describe-profile.util';
import { splitEndpointKey } from './endpoint-key.util';
import { type EndpointStats } from './endpoint-stats.type';
import {
  type AuthStatus,
  type EndpointFlag,
  type InventoryEndpoint,
  type InventoryParameter,
  type SensitiveFinding,
} from './inventory.type';

/**
 * authenticated: every call whose credentials are known carried some; unauthenticated: none did;
 * mixed: both were seen; unknown: the source never showed credentials (most access logs).
 */
export function authStatusOf(
  s: Pick<EndpointStats, 'credentialedCalls' | 'uncredentialedCalls'>,
): AuthStatus {
  if (s.credentialedCalls > 0 && s.uncredentialedCalls > 0) return 'mixed';
  if (s.credentialedCalls > 0) return 'authenticated';
  if (s.uncredentialedCalls > 0) return 'unauthenticated';
  return 'unknown';
}

/**
 * Flags that traffic alone decides. `shadow`, `orphan` and `zombie` need a reference spec and
 * `sensitive` needs body classification; they are added by those stages when present.
 */
export function trafficFlagsOf(s: Pick<EndpointStats, 'unauthenticatedSuccesses'>): EndpointFlag[] {
  return s.unauthenticatedSuccesses > 0 ? ['unauthenticated'] : [];
}

export function pathParametersOf(template: string): InventoryParameter[] {
  return [...template.matchAll(/\{([^}]+)\}/g)].map(([, name]) => ({
    name,
    in: 'path' as const,
    required: true,
    schema: { type: 'string' },
  }));
}

const iso = (ms: number) => new Date(ms).toISOString();

/** `sensitive[]` of the inventory (DESIGN.md): masked examples only, in a stable order. */
function sensitiveOf(profile: EndpointProfile | undefined): SensitiveFinding[] {
  return (profile?.toJSON().sensitive ?? [])
    .map(
      (f) =>
        ({
          location: f.location,
          name: f.name,
          class: f.class,
          count: f.count,
          example: f.example,
        }) as SensitiveFinding,
    )
    .sort(
      (a, b) =>
        a.location.localeCompare(b.location) ||
        a.name.localeCompare(b.name) ||
        a.class.localeCompare(b.class),
    );
}

/** One endpoint of the inventory document from its merged stats and profile. */
export function toInventoryEndpoint(s: EndpointStats, profile?: EndpointProfile): InventoryEndpoint {
  const { path, graphql } = splitEndpointKey(s.pathTemplate);
  const sensitive = sensitiveOf(profile);
  const exposure = profile?.toJSON().exposure;
  return {
    method: s.method,
    path,
    ...(graphql && { graphql }),
    calls: s.calls,
    firstSeen: s.calls > 0 ? iso(s.firstSeen) : null,
    lastSeen: s.calls > 0 ? iso(s.lastSeen) : null,
    statusCodes: s.statusCodes,
    latencyMs:
      s.timedCalls > 0
        ? { avg: Math.round((s.durationMsSum / s.timedCalls) * 100) / 100, max: s.durationMsMax }
        : null,
    auth: {
      schemes: s.authSchemes,
      status: authStatusOf(s),
      unauthenticatedSuccesses: s.unauthenticatedSuccesses,
      unauthenticatedStatusCodes: s.uncredentialedStatusCodes ?? {},
      ...describeAuthDetails(profile),
    },
    flags: sensitive.length > 0 ? [...trafficFlagsOf(s), 'sensitive'] : trafficFlagsOf(s),
    sensitive,
    parameters: describeParameters(path, profile),
    requestBody: describeRequestBody(profile),
    responses: describeResponses(profile),
    ...(exposure && { exposure: { ...exposure } }),
  };
}
