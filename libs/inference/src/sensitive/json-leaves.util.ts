import { DYNAMIC_SEGMENT, pathSegmentOf } from './json-path.util';
import { type SensitiveScanLimits } from './sensitive-scan-limits.constant';

/** One scalar of a document: its path, the key it sits under and that key's parent key. */
export type LeafVisitor = (
  path: string,
  name: string | null,
  parent: string | null,
  value: string | number,
) => void;

/** Remaining node budget of one body; `exhausted` records that limits cut the walk short. */
export interface WalkBudget {
  nodes: number;
  exhausted: boolean;
}

/**
 * Visits the string and number leaves of a parsed JSON document with their JSON paths (arrays as
 * `[*]`, dynamic keys as `*`), within the depth, width and node limits.
 */
export function walkJsonLeaves(
  root: unknown,
  visit: LeafVisitor,
  limits: SensitiveScanLimits,
  budget: WalkBudget,
): void {
  const walk = (node: unknown, path: string, name: string | null, parent: string | null, depth: number) => {
    if (budget.nodes <= 0) {
      budget.exhausted = true;
      return;
    }
    budget.nodes -= 1;
    if (typeof node === 'string' || typeof node === 'number') {
      visit(path, name, parent, node);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    if (depth >= limits.maxDepth) {
      budget.exhausted = true;
      return;
    }
    if (Array.isArray(node)) {
      const n = Math.min(node.length, limits.maxArrayItems);
      for (let i = 0; i < n; i += 1) walk(node[i], `${path}[*]`, name, parent, depth + 1);
      return;
    }
    let members = 0;
    for (const key in node) {
      if (members >= limits.maxObjectKeys) {
        budget.exhausted = true;
        break;
      }
      members += 1;
      const child = (node as Record<string, unknown>)[key];
      const segment = pathSegmentOf(key);
      if (segment === DYNAMIC_SEGMENT) walk(child, path + segment, name, parent, depth + 1);
      else walk(child, path + segment, key, name, depth + 1);
    }
  };
  walk(root, '$', null, null, 0);
}
