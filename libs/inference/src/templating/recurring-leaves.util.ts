import { isVocabularyKind } from './segment-kind.util';
import { type Kid } from './sibling-evidence.util';
import { type TemplaterNode } from './templater-node.util';

/**
 * A leaf name must end paths under this many distinct resources to count as a shared vocabulary: more
 * than an operation shared by resources does in the corpus specs (Trello lists `actions` of five).
 */
export const MIN_RECURRENCE = 6;
/** ... and this many such names must sit side by side under one node before they become a parameter. */
export const MIN_FAMILY = 5;
/** Recurrence is only ever compared with MIN_RECURRENCE: counting further buys nothing. */
const COUNT_CAP = 16;

export const isRead = (method: string): boolean => method === 'GET' || method === 'HEAD';

/**
 * A segment that ends reads and never continues: `GET /boards/{id}/name`, not `/boards/{id}/cards/...`.
 * Selectors are read; a name also written to (`PUT /cards/{id}/closed`) keeps its writes literal.
 */
const isLeaf = (node: TemplaterNode): boolean =>
  node.lit.size === 0 && node.par.size === 0 && (node.ends.has('GET') || node.ends.has('HEAD'));

const leafLike = (node: TemplaterNode): boolean =>
  !node.pinned && isLeaf(node) && (node.kind === 'name' || isVocabularyKind(node.kind));

/**
 * For every leaf name in the trie, under how many distinct resources it ends a path. Field and filter
 * selectors (Trello's `/boards/{id}/{field}` with `name`, `desc`, `closed`, `url`...) end paths under
 * every resource of the API — boards, cards, lists, an action's board, a notification's list — while
 * an operation's name (`/users/{id}/badges`, `/stats`) ends paths under a few. A resource is the parent
 * node when it is a parameter or a word (`board`, `{id}`); a parent that is a value not collapsed yet
 * (`/users/torvalds/repos`, `/users/octocat/repos`) counts as its own parent, once for all its
 * siblings, so the repeated continuations of values are not mistaken for a vocabulary. Linear in the
 * trie, which is bounded; recomputed at each consolidation.
 */
export function leafRecurrence(root: TemplaterNode): Map<string, number> {
  const seen = new Map<string, Set<TemplaterNode>>();
  const visit = (grand: TemplaterNode, parent: TemplaterNode, literal: boolean): void => {
    const resource = !literal || isVocabularyKind(parent.kind) ? parent : grand;
    for (const [key, child] of parent.lit) {
      if (leafLike(child)) {
        const set = seen.get(key) ?? new Set<TemplaterNode>();
        if (set.size < COUNT_CAP) set.add(resource);
        seen.set(key, set);
      } else visit(parent, child, true);
    }
    for (const child of parent.par.values()) {
      // names a closed parameter took still end paths here
      for (const word of child.vocabulary) {
        const set = seen.get(word) ?? new Set<TemplaterNode>();
        if (set.size < COUNT_CAP) set.add(resource);
        seen.set(word, set);
      }
      visit(parent, child, false);
    }
  };
  for (const child of root.lit.values()) visit(root, child, true);
  for (const child of root.par.values()) visit(root, child, false);
  const out = new Map<string, number>();
  for (const [key, set] of seen) out.set(key, set.size);
  return out;
}

/**
 * The siblings at one node that belong to an API-wide vocabulary of leaf names (see leafRecurrence):
 * values of a selector parameter, when at least MIN_FAMILY of them stand side by side. Operations
 * sharing a name across a few resources (`actions` under boards, cards and lists) stay literal. Once
 * such a parameter exists at the node, each further recurring leaf joins it alone.
 */
export function recurringLeaves(
  kids: readonly Kid[],
  recurrence: ReadonlyMap<string, number>,
  /** a vocabulary parameter exists here already: one more of its names is enough */
  open: boolean,
): Kid[] {
  const family = kids.filter((k) => leafLike(k.node) && (recurrence.get(k.key) ?? 0) >= MIN_RECURRENCE);
  return open || family.length >= MIN_FAMILY ? family : [];
}
