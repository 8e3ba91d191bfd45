import { type EndpointFlag } from '../inventory.type';
import { bestSpecMatch } from './match-spec-operation.util';
import { type SpecOperation } from './reference-spec.type';
import { versionZombies } from './version-zombies.util';

export interface ObservedEndpoint {
  method: string;
  path: string;
  calls: number;
  lastSeen?: number;
}

export interface SpecVerdict {
  flags: EndpointFlag[];
  /** The latest spec's operation this endpoint is, when it is documented. */
  operation?: SpecOperation;
  /** The earlier version's operation, when the latest one removed it. */
  removed?: SpecOperation;
}

export interface SpecFlagResult {
  /** By `METHOD path` of the observed endpoints. */
  verdicts: Map<string, SpecVerdict>;
  /** Documented operations no traffic matched: reported with `calls: 0` and the `orphan` flag. */
  orphans: SpecOperation[];
}

/**
 * shadow / zombie / orphan for one service (definitions in DESIGN.md). Without a reference spec a
 * service gets no shadow or orphan flags (it is undocumented as a whole), but version zombies are
 * still found from traffic alone. `activeSince` opens the orphan window: a documented endpoint whose
 * last call is older is an orphan again (it keeps its old counts), and old traffic makes no zombie.
 */
export function specFlags(
  observed: readonly ObservedEndpoint[],
  latest: readonly SpecOperation[] | undefined,
  earlier: ReadonlyArray<readonly SpecOperation[]> = [],
  activeSince = Number.NEGATIVE_INFINITY,
): SpecFlagResult {
  const verdicts = new Map<string, SpecVerdict>();
  const matched = new Set<SpecOperation>();
  const active = (e: ObservedEndpoint) =>
    e.calls > 0 && (e.lastSeen === undefined || e.lastSeen >= activeSince);
  const zombiesByVersion = versionZombies(observed.filter(active));
  for (const e of observed) {
    const key = `${e.method} ${e.path}`;
    const flags = new Set<EndpointFlag>();
    if (zombiesByVersion.has(key)) flags.add('zombie');
    let operation: SpecOperation | undefined;
    let removedOperation: SpecOperation | undefined;
    if (latest) {
      const current = bestSpecMatch(latest, e.method, e.path);
      // an earlier version documenting the path more exactly (`/media/search` beside `/media/{id}`)
      // means it was removed, not that `{id}` covers it
      let removed: { operation: SpecOperation; score: number } | undefined;
      for (const ops of earlier) {
        const m = bestSpecMatch(ops, e.method, e.path);
        if (m && (!removed || m.score > removed.score)) removed = m;
      }
      const older = removed?.score ?? -1;
      if (current && current.score >= older) {
        operation = current.operation;
        matched.add(operation);
        if (!active(e)) flags.add('orphan');
        else if (operation.deprecated) flags.add('zombie');
      } else if (removed) {
        // removed from the latest version while an earlier one documented it, and still called
        if (active(e)) flags.add('zombie');
        removedOperation = removed.operation;
      } else {
        flags.add('shadow');
      }
    }
    verdicts.set(key, {
      flags: [...flags],
      ...(operation && { operation }),
      ...(removedOperation && { removed: removedOperation }),
    });
  }
  const orphans = latest ? latest.filter((op) => !matched.has(op)) : [];
  return { verdicts, orphans };
}
