import { isVocabularyKind } from './segment-kind.util';
import { type Kid } from './sibling-evidence.util';
import { type TemplaterNode } from './templater-node.util';

/**
 * A leaf name must end paths under this many distinct resources to count as a shared vocabulary: more
 * than an operation shared by resources does in the corpus specs (Trello lists `actions` of five).
 */
export const MIN_RECURRENCE = 6;
/**
 * Siblings a node needs before its leaves are judged at all (consolidate-node.util.ts): two, since two
 * names of a selector already known elsewhere are enough (see recurringLeaves).
 */
export const MIN_FAMILY = 2;
/** Recurring names that must sit side by side under one node before they become a new selector. */
export const MIN_RECURRING_FAMILY = 5;
/** Names of one known selector that must sit side by side under another node to make it a selector too. */
export const MIN_KNOWN_FAMILY = 2;
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
export function leafRecurrence(root: TemplaterNode): LeafRecurrence {
  const seen = new Map<string, Set<TemplaterNode>>();
  const vocabularies: Array<ReadonlySet<string>> = [];
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
      if (child.closed && child.vocabulary.length > 0) vocabularies.push(new Set(child.vocabulary));
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
  const out = new LeafRecurrence(vocabularies);
  for (const [key, set] of seen) out.set(key, set.size);
  return out;
}

/**
 * Leaf name -> distinct resources it ends paths under, and the vocabularies of the selector parameters
 * formed so far (the names each took), so a selector recognised under some resources is recognised
 * under the others from the few names their traffic happened to use.
 */
export class LeafRecurrence extends Map<string, number> {
  constructor(readonly vocabularies: ReadonlyArray<ReadonlySet<string>> = []) {
    super();
  }
}

/**
 * The siblings at one node that belong to an API-wide vocabulary of leaf names (see leafRecurrence):
 * values of a selector parameter, when at least MIN_RECURRING_FAMILY of them stand side by side, or
 * when MIN_KNOWN_FAMILY of them are names one selector formed elsewhere already took (Trello's
 * `/actions/{id}/list/{field}` seen with `name` and `shortUrl` only, the field selector known from
 * `/boards/{id}/{field}`). Operations sharing a name across a few resources (`actions` under boards,
 * cards and lists) stay literal. Once such a parameter exists at the node, each further recurring
 * leaf, or name of a known selector, joins it alone.
 */
export function recurringLeaves(
  kids: readonly Kid[],
  recurrence: ReadonlyMap<string, number>,
  /** a vocabulary parameter exists here already: one more of its names is enough */
  open: boolean,
): Kid[] {
  const leaves = kids.filter((k) => leafLike(k.node));
  if (leaves.length === 0 || (!open && leaves.length < MIN_KNOWN_FAMILY)) return [];
  const family = leaves.filter((k) => (recurrence.get(k.key) ?? 0) >= MIN_RECURRENCE);
  const vocabularies = recurrence instanceof LeafRecurrence ? recurrence.vocabularies : [];
  if (open) return leaves.filter((k) => family.includes(k) || vocabularies.some((v) => v.has(k.key)));
  if (family.length >= MIN_RECURRING_FAMILY) return family;
  let best: Kid[] = [];
  for (const vocabulary of vocabularies) {
    const known = leaves.filter((k) => vocabulary.has(k.key));
    if (known.length > best.length) best = known;
  }
  // the known names must be most of the leaves here: a resource's own operations stay literal
  return best.length >= MIN_KNOWN_FAMILY && best.length * 2 >= leaves.length ? best : [];
}
