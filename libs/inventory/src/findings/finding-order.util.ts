import { type Finding, SEVERITIES } from './finding.type';

/** Where a finding sits in lists: severity (critical first), service, method, path, rule, then id. */
export type FindingOrderKey = [number, string, string, string, string, string];

export function findingOrderKey(f: Finding): FindingOrderKey {
  return [
    SEVERITIES.indexOf(f.severity),
    f.endpoint.service,
    f.endpoint.method,
    f.endpoint.pathTemplate,
    f.rule,
    f.id,
  ];
}

/**
 * Compares two order keys the way keyset pages are cut: the severity rank, then names byte-wise
 * (not locale-aware, so a cursor compares the same on every machine). The id makes keys unique.
 */
export function compareFindingOrderKeys(
  a: ReadonlyArray<string | number>,
  b: ReadonlyArray<string | number>,
): number {
  if (a[0] !== b[0]) return Number(a[0]) - Number(b[0]);
  for (let i = 1; i < a.length; i++) if (a[i] !== b[i]) return String(a[i]) < String(b[i]) ? -1 : 1;
  return 0;
}
