import { type SensitiveObservation } from '@apiscope/inference';

import { type SensitiveField } from './endpoint-exposure.type';

const keyOf = (f: Pick<SensitiveField, 'location' | 'name' | 'class'>) =>
  `${f.location}\u0000${f.name}\u0000${f.class}`;

/**
 * Folds sensitive fields together (per-call observations as fields with count 1, or stored deltas):
 * counts add up, first/last seen widen, the earliest example is kept. Order-independent, so batches
 * can be merged in any order; the result is sorted by location, name and class.
 */
export function mergeSensitiveFields(...lists: ReadonlyArray<readonly SensitiveField[]>): SensitiveField[] {
  const byKey = new Map<string, SensitiveField>();
  for (const list of lists) {
    for (const f of list) {
      const key = keyOf(f);
      const seen = byKey.get(key);
      if (seen === undefined) {
        byKey.set(key, { ...f });
        continue;
      }
      seen.count += f.count;
      if (f.firstSeen < seen.firstSeen) [seen.firstSeen, seen.example] = [f.firstSeen, f.example];
      seen.lastSeen = Math.max(seen.lastSeen, f.lastSeen);
    }
  }
  return [...byKey.values()].sort((a, b) => keyOf(a).localeCompare(keyOf(b)));
}

/** One call's observations as fields seen once at `ts` (the call's epoch ms). */
export function sensitiveFieldsOfCall(
  observations: readonly SensitiveObservation[],
  ts: number,
): SensitiveField[] {
  return observations.map((o) => ({
    location: o.location,
    name: o.name,
    class: o.class,
    count: 1,
    firstSeen: ts,
    lastSeen: ts,
    example: o.example,
  }));
}
