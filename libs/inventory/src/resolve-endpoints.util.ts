import { type EndpointProfile, type PathTemplater } from '@apiscope/inference';

import { type EndpointStats } from './endpoint-stats.type';
import { splitEndpointKey } from './endpoint-key.util';
import { mergeEndpointStats } from './merge-endpoint-stats.util';

export interface ResolvedEndpoint {
  stats: EndpointStats;
  profile?: EndpointProfile;
}

export interface ResolveInput {
  /** merged stats per stored key (the template a call was written under) */
  stats: readonly EndpointStats[];
  /** current templater of each service */
  templaters: ReadonlyMap<string, PathTemplater>;
  /** profile per stored key, by `profileKey()` */
  profiles: ReadonlyMap<string, EndpointProfile>;
}

export const profileKey = (service: string, method: string, pathTemplate: string): string =>
  `${service}\u0000${method}\u0000${pathTemplate}`;

/** The key a stored key (the template a call was written under) resolves to now. */
export function resolveEndpointKey(
  stored: { service: string; method: string; pathTemplate: string },
  templaters: ReadonlyMap<string, PathTemplater>,
): string {
  const templater = templaters.get(stored.service);
  const { path, graphql } = splitEndpointKey(stored.pathTemplate);
  const template = templater ? templater.resolve(path, stored.method).template : path;
  return graphql ? `${template}#${graphql.operationType} ${graphql.operationName}` : template;
}

/**
 * Read-time template resolution (why: DESIGN, issue 4 "templates are revised as evidence arrives").
 * Calls are aggregated under the template known when they were written; a key written before a
 * parameter was learnt (`/users/torvalds`) resolves now to `/users/{username}` and its counts and
 * profile merge into that endpoint. Every call sits under exactly one stored key, so merging never
 * counts a call twice.
 */
export function resolveEndpoints(input: ResolveInput): ResolvedEndpoint[] {
  const out = new Map<string, ResolvedEndpoint>();
  for (const row of input.stats) {
    const finalKey = resolveEndpointKey(row, input.templaters);
    const key = profileKey(row.service, row.method, finalKey);
    const profile = input.profiles.get(profileKey(row.service, row.method, row.pathTemplate));
    const stats = { ...row, pathTemplate: finalKey };
    const seen = out.get(key);
    if (!seen) out.set(key, { stats, ...(profile && { profile }) });
    else {
      seen.stats = mergeEndpointStats(seen.stats, stats);
      if (profile) seen.profile = seen.profile ? seen.profile.merge(profile) : profile;
    }
  }
  return [...out.values()];
}
