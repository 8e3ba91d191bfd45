const VERSION = /^v(\d+)$/i;

export interface VersionedEndpoint {
  method: string;
  path: string;
  /** Epoch ms of the last call; undefined for endpoints never seen. */
  lastSeen?: number;
}

/**
 * Older versions of a resource whose newer version is live (`/v1/accounts/{id}` while
 * `/v2/accounts/{id}` serves): the family key replaces the version segment, and every member below
 * the highest live version is a zombie. "Live" means seen within `windowMs` of the newest call.
 */
export function versionZombies(
  endpoints: readonly VersionedEndpoint[],
  windowMs = 30 * 24 * 3600 * 1000,
): Set<string> {
  const families = new Map<string, Array<{ key: string; version: number; lastSeen?: number }>>();
  for (const e of endpoints) {
    const segments = e.path.split('/');
    const index = segments.findIndex((s) => VERSION.test(s));
    if (index === -1) continue;
    const version = Number(VERSION.exec(segments[index])?.[1]);
    // parameter names differ between a spec's template and a learnt one: `{id}` and `{albumId}` are one
    const rest = segments.slice(index + 1).map((s) => s.replace(/\{[^}]*\}/g, '{}'));
    const family = `${e.method} ${[...segments.slice(0, index), 'v*', ...rest].join('/')}`;
    const members = families.get(family) ?? [];
    members.push({
      key: `${e.method} ${e.path}`,
      version,
      ...(e.lastSeen !== undefined && { lastSeen: e.lastSeen }),
    });
    families.set(family, members);
  }
  const newest = Math.max(0, ...endpoints.map((e) => e.lastSeen ?? 0));
  const zombies = new Set<string>();
  for (const members of families.values()) {
    const live = members.filter((m) => m.lastSeen !== undefined && m.lastSeen >= newest - windowMs);
    if (live.length === 0) continue;
    const top = Math.max(...live.map((m) => m.version));
    for (const m of members) if (m.version < top && m.lastSeen !== undefined) zombies.add(m.key);
  }
  return zombies;
}
