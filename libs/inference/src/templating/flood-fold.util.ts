import { moveIntoParameter } from './move-into-parameter.util';
import { isVocabularyKind, type SegmentKind, splitExtension, vocabularyOf } from './segment-kind.util';
import { type Kid } from './sibling-evidence.util';
import { TemplaterNode } from './templater-node.util';

/**
 * Floods (issue 4: "a flood of random paths collapses into parameters"; issue 11: a scanner's
 * 1,000,000 random paths). A node is flooded when it holds more literal children than half the
 * per-node bound and at least half of them were called once and do not look like operations (not
 * words, not RPC names of words): a real API's operations are called again or read as words, a
 * scanner's random names are not (the Good–Turing mass of unseen names stays high). Its children
 * then fold into one parameter (any extension, kept in the value) marked `flood`; the node stays in
 * flood mode, so at every later consolidation, and for every unseen segment (`accepts`), only
 * siblings with evidence of being real operations stay literal:
 *  - a fair share of the node's calls since the sibling first showed up (at least 1/maxChildren of
 *    them, and two calls: few siblings can have it, and an operation that appears in the middle of
 *    a flood is judged on the calls since, not drowned by the flood before it);
 *  - RPC-style names made of dictionary words (`chat.postMessage`, `users.info`) and dictionary
 *    words of three letters or more (`/api`, `/health`) that are young (seen within the last
 *    8 x maxChildren calls of the node: time to be called again), called three times, or (RPC)
 *    in a family (`chat.update` beside it); random strings are rarely such words;
 *  - settled continuations: most of the sibling's calls go on into literals taken again or into a
 *    parameter of one kind of value, typed or taken again (`/api` -> `users/{int}`, `orders`), where
 *    a random name's calls spread over continuations seen once.
 * At most maxChildren/4 of them (the heaviest) stay per flooded node, so a flood leaves a bounded
 * number of templates whatever its length; their subtrees are flooded in turn (bottom-up walk).
 */

/** Literal children a flooded node keeps at most, as a share of the per-node bound. */
const KEPT_SHARE = 4;
/** A sibling is young (on probation) for this many times maxChildren of its parent's calls. */
const YOUNG = 8;
/** Calls that must go on through settled continuations before they count as structure. */
const MIN_SETTLED = 8;

/** A node whose values are a flood: its plain parameter was formed by folding one. */
export function inFlood(node: TemplaterNode): boolean {
  return node.par.get('')?.flood === true;
}

/**
 * Could an unseen segment be an operation rather than a flood's value? Such segments get their own
 * literal beside a flood parameter (and must then show evidence to stay); others join it at once.
 */
export function operationLike(segment: string, kind: SegmentKind): boolean {
  // one or two letters (`a`, `my`, `v1`) are too easily drawn at random: a flood draws `a` once in
  // every few hundred calls, and a literal re-created for it would take the keys stored under it
  if (kind === 'empty') return true;
  if (isVocabularyKind(kind) || kind === 'version') return segment.length >= 3;
  return kind === 'rpc' && rpcOfWords(segment);
}

/** Folds a flood at `node` (see above); returns whether anything moved. */
export function foldFlood(node: TemplaterNode, maxChildren: number): boolean {
  if (node.noParam.has('')) return false;
  const kids: Kid[] = [];
  for (const [key, child] of node.lit)
    if (!child.pinned && child.kind !== 'empty') kids.push({ key, node: child });
  if (kids.length === 0) return false;
  if (!inFlood(node)) {
    if (kids.length <= maxChildren / 2) return false;
    // names that look like operations count only past the per-node bound: a large RPC API seen
    // once per method (`chat.postMessage`, `users.info`, ...) is no flood, a scanner's wordlist is
    const once = kids.filter((k) => k.node.hits <= 1);
    const loose = once.filter((k) => !operationLike(k.key, k.node.kind)).length;
    if (loose * 2 < kids.length && (kids.length <= maxChildren || once.length * 2 < kids.length))
      return false;
  }
  // RPC families: `chat.postMessage` beside `chat.update`
  const prefixes = new Map<string, number>();
  for (const { key, node: kid } of kids)
    if (kid.kind === 'rpc' && rpcOfWords(key))
      prefixes.set(rpcPrefix(key), (prefixes.get(rpcPrefix(key)) ?? 0) + 1);
  const waiting = kids.filter((k) => wordy(k) && k.node.hits < 3 && young(k, node, maxChildren)).length;
  const judge: Judge = {
    family: (key) => (prefixes.get(rpcPrefix(key)) ?? 0) >= 2,
    // many words waiting at once is a wordlist, not an API: they must be called again to stay
    probation: waiting <= maxChildren / 16,
  };
  const kept = new Set(
    kids
      .filter((k) => evidenced(k, node, maxChildren, judge))
      .sort((a, b) => b.node.hits - a.node.hits)
      .slice(0, Math.floor(maxChildren / KEPT_SHARE)),
  );
  const weak = kids.filter((k) => !kept.has(k));
  if (weak.length === 0) return false;
  const par = floodParameter(node);
  for (const kid of weak) moveIntoParameter(node, par, kid);
  return true;
}

/** The node's plain parameter, turned into a flood parameter that takes values of any extension. */
function floodParameter(node: TemplaterNode): TemplaterNode {
  const par = node.par.get('') ?? new TemplaterNode();
  node.par.set('', par);
  par.flood = true;
  par.closed = false;
  par.mixedExtensions = true;
  for (const [ext, other] of [...node.par]) {
    if (ext === '') continue;
    node.par.delete(ext);
    par.absorbParameter(other);
  }
  return par;
}

interface Judge {
  /** an RPC name with siblings of the same prefix */
  family: (key: string) => boolean;
  /** young words stay on probation (false when too many wait at once) */
  probation: boolean;
}

const young = (kid: Kid, node: TemplaterNode, maxChildren: number): boolean =>
  node.hits - kid.node.born <= maxChildren * YOUNG;

/** RPC names of words (`chat.postMessage`) and dictionary words of three letters or more. */
function wordy({ key, node }: Kid): boolean {
  if (node.kind === 'rpc') return rpcOfWords(key);
  return isVocabularyKind(node.kind) && /^[a-z][a-z_-]{2,}$/i.test(splitExtension(key).stem);
}

function evidenced(kid: Kid, node: TemplaterNode, maxChildren: number, judge: Judge): boolean {
  const { hits, kind, born } = kid.node;
  if (hits >= 2 && hits * maxChildren >= node.hits - born) return true;
  if (
    wordy(kid) &&
    (hits >= 3 ||
      (judge.probation && young(kid, node, maxChildren)) ||
      (kind === 'rpc' && judge.family(kid.key)))
  )
    return true;
  const settled = settledCalls(kid.node);
  return settled >= MIN_SETTLED && settled * 2 >= hits;
}

/** `chat.postMessage`: every dotted part a dictionary word (or words run together) of 3+ letters. */
function rpcOfWords(segment: string): boolean {
  return segment.split('.').every((part) => part.length >= 3 && vocabularyOf(part) !== undefined);
}

const rpcPrefix = (key: string): string => key.slice(0, Math.max(0, key.indexOf('.')));

/** Calls through `node` that go on into continuations taken again (see the rules above). */
function settledCalls(node: TemplaterNode): number {
  let n = 0;
  for (const child of node.lit.values()) if (child.hits >= 2 && !inFlood(child)) n += child.hits;
  for (const par of node.par.values()) if (!par.flood && par.hits >= 2 && settledValues(par)) n += par.hits;
  return n;
}

/**
 * A parameter whose values are (nearly) all of one kind (names and words count as one), and typed
 * (`{userId}`: ints) or taken again: random names of a scanner, one call each, are text too.
 */
function settledValues(par: TemplaterNode): boolean {
  const byClass = new Map<string, number>();
  let all = 0;
  for (const [kind, n] of par.kinds) {
    const cls = kind === 'name' || isVocabularyKind(kind) ? 'text' : kind;
    byClass.set(cls, (byClass.get(cls) ?? 0) + n);
    all += n;
  }
  const [cls, most] = [...byClass].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
  return most >= 0.9 * all && all > 0 && (cls !== 'text' || par.hits >= 2 * par.distinct);
}
