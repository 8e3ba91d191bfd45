import { isVocabularyKind, segmentKind, splitExtension, wordParts } from './segment-kind.util';
import { TemplaterNode } from './templater-node.util';

/**
 * The decision at one trie node: which literal children are really values of a parameter. The rules,
 * in the order they are tried when the node has no parameter child yet:
 *  1. names (letters that are not dictionary words: `torvalds`, `octocat`) that line up — they share
 *     what follows them (`/repos/X/Y/issues` for many X) — are values when there are enough of them,
 *     or when they are few but each rare (a low-traffic endpoint);
 *  2. any non-RPC siblings (even words: Kubernetes namespaces `default`, `kube-system`) that share at
 *     least two literal continuations (`/pods`, `/services`) with two other siblings are values;
 *  3. an open vocabulary — many non-word siblings, a quarter of the calls bringing a value never seen
 *     before (Good–Turing estimate of the unseen mass) — is a parameter;
 *  4. more siblings than the per-node bound: everything but the heaviest collapses (floods, scans).
 * Once a parameter exists, further siblings join it when they look like its values and fit under it
 * (their continuations are ones the parameter has); dictionary words join only a parameter whose
 * values are words, and never when they are "heavy" (called far more than a typical value: `/users/me`).
 * RPC-style names (`chat.postMessage`), versions and empty segments never become values.
 */

export interface ConsolidateLimits {
  /** literal children per node (and per extension) before a forced collapse */
  maxChildren: number;
}

interface Kid {
  key: string;
  node: TemplaterNode;
}

const NEVER_VALUE = new Set(['rpc', 'version', 'empty']);

/** Literal key of an operation whose extension varies: `lists.{format}`. */
export const FORMAT_SUFFIX = '.{format}';

function continuations(node: TemplaterNode, deep: boolean): Set<string> {
  const out = new Set<string>();
  for (const [k, c] of node.lit) {
    out.add(k);
    if (deep) addDeep(out, c);
  }
  for (const [e, c] of node.par) {
    out.add(`{}${e}`);
    if (deep) addDeep(out, c);
  }
  if (node.ends.size > 0) out.add('$');
  return out;
}

function addDeep(out: Set<string>, child: TemplaterNode): void {
  if (out.size > 256) return;
  for (const k of child.lit.keys()) out.add(`*/${k}`);
  for (const e of child.par.keys()) out.add(`*/{}${e}`);
  if (child.ends.size > 0) out.add('*/$');
}

/** Continuations that are structure (`pods`, `collections`), not values that repeat (`torvalds`). */
function structuralKeys(node: TemplaterNode): string[] {
  return [...node.lit].filter(([k, c]) => k !== '' && isVocabularyKind(c.kind)).map(([k]) => k);
}

/** Groups kids into connected components of `linked`; returns the largest. */
function largestComponent(kids: Kid[], linked: (a: Kid, b: Kid) => boolean): Kid[] {
  const parent = kids.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let i = 0; i < kids.length; i++)
    for (let j = i + 1; j < kids.length && j < i + 64; j++)
      if (find(i) !== find(j) && linked(kids[i], kids[j])) parent[find(i)] = find(j);
  const groups = new Map<number, Kid[]>();
  kids.forEach((k, i) => {
    const root = find(i);
    const g = groups.get(root) ?? [];
    g.push(k);
    groups.set(root, g);
  });
  return [...groups.values()].sort((a, b) => b.length - a.length)[0] ?? [];
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? 0 : s[Math.floor(s.length / 2)];
};

function aligned(a: Kid, b: Kid): boolean {
  const ca = continuations(a.node, true);
  const cb = continuations(b.node, true);
  for (const k of ca) if (cb.has(k)) return true;
  return false;
}

function sharedLiterals(a: Kid, b: Kid): number {
  let n = 0;
  const theirs = new Set(structuralKeys(b.node));
  for (const k of structuralKeys(a.node)) if (theirs.has(k)) n += 1;
  return n;
}

/** Names, and words run together without a separator (`coredns`, `facebook`): product and user names. */
function nameLike(node: TemplaterNode): boolean {
  return node.kind === 'name' || (node.kind === 'compound' && wordParts(node.label).length === 1);
}

function formParameter(kids: Kid[], limits: ConsolidateLimits): Kid[] {
  const names = kids.filter((k) => nameLike(k.node) && !k.node.pinned);
  // a few unknown words among many dictionary words are operations the dictionary lacks (`refs`,
  // `diffstat`), not values
  if (names.length >= 2 && (names.length >= 8 || names.length * 2 >= kids.length)) {
    const group = largestComponent(names, aligned);
    const calls = group.reduce((n, k) => n + k.node.hits, 0);
    const avg = calls / Math.max(1, group.length);
    if (group.length >= 6 || (group.length >= 4 && avg <= 8)) return group;
    if (group.length >= 3 && avg <= 2 && group.every((k) => k.node.hits <= 2)) {
      const first = [...continuations(group[0].node, false)].sort().join();
      if (group.every((k) => [...continuations(k.node, false)].sort().join() === first)) return group;
    }
  }
  // most siblings continue alike (namespaces -> pods, services, configmaps): they are values; a few
  // collections sharing leaves among many other siblings (`cards/open`, `lists/open`) are not
  const structured = kids.filter((k) => !k.node.pinned && structuralKeys(k.node).length >= 2);
  if (structured.length >= 3) {
    const group = largestComponent(structured, (a, b) => sharedLiterals(a, b) >= 2);
    if (group.length >= 3 && group.length * 2 >= kids.length) {
      const m = median(group.map((k) => k.node.hits));
      return group.filter((k) => k.node.hits < Math.max(8, 4 * m));
    }
  }
  const open = kids.filter((k) => !k.node.pinned && !isVocabularyKind(k.node.kind));
  const calls = open.reduce((n, k) => n + k.node.hits, 0);
  const singletons = open.filter((k) => k.node.hits === 1).length;
  // the estimate means something only over enough calls (deep nodes of one value see a handful)
  if (open.length >= 8 && calls >= 40 && singletons >= 4 && singletons >= 0.25 * calls)
    return open.filter((k) => k.node.hits <= 2);
  if (open.length > limits.maxChildren) {
    const keep = Math.floor(limits.maxChildren / 4);
    return [...open].sort((a, b) => b.node.hits - a.node.hits).slice(keep);
  }
  return [];
}

/**
 * Does `kid` continue the way the parameter's values do? Each of its continuations must be one the
 * parameter has, or — under the parameter's own parameter — a value-like segment, or a word that
 * itself continues like those values (`torvalds/hello-world/issues` under `{owner}/{repo}/issues`).
 */
function fitsUnder(kid: TemplaterNode, par: TemplaterNode, depth = 0): boolean {
  let total = 0;
  let misfits = 0;
  for (const [key, child] of kid.lit) {
    if (key === '') continue;
    total += 1;
    if (!continuationFits(key, child, par, depth)) misfits += 1;
  }
  // a value under `kid` fits where the parameter has a parameter, or values not collapsed yet
  const uncollapsed = [...par.lit.values()].some((c) => !isVocabularyKind(c.kind));
  for (const ext of kid.par.keys()) {
    total += 1;
    if (!par.par.has(ext) && !uncollapsed) misfits += 1;
  }
  // one odd continuation in five (at least one when others match) is noise: a rare operation whose
  // only calls happened to carry this value
  const tolerated = total >= 2 ? Math.max(1, Math.floor(total / 5)) : 0;
  return depth === 0 ? misfits <= tolerated && (total === 0 || misfits < total) : misfits === 0;
}

function continuationFits(key: string, child: TemplaterNode, par: TemplaterNode, depth: number): boolean {
  const same = par.lit.get(key);
  if (same) return depth >= 2 || fitsUnder(child, same, depth + 1);
  const mixed = par.par.get('');
  const { stem, ext } = mixed?.mixedExtensions ? { stem: key, ext: '' } : splitExtension(key);
  const under = par.par.get(ext);
  if (!under) return false;
  if (!isVocabularyKind(segmentKind(splitExtension(stem).stem))) return true;
  return textShare(under) >= 0.5 && (depth >= 2 || fitsUnder(child, under, depth + 1));
}

/** A parameter that has taken several values, all (or nearly) typed ids: `{build_num}`. */
export function isIdParameter(par: TemplaterNode): boolean {
  return par.distinct >= 3 && textShare(par) < 0.2;
}

/** Share of a parameter's calls whose values were names or words rather than typed ids. */
export function textShare(par: TemplaterNode): number {
  let text = 0;
  let all = 0;
  for (const [kind, n] of par.kinds) {
    all += n;
    if (kind === 'name' || isVocabularyKind(kind)) text += n;
  }
  return all === 0 ? 1 : text / all;
}

function joins(kid: TemplaterNode, par: TemplaterNode): boolean {
  if (kid.pinned) return false;
  if (par.forced) return true;
  const avg = par.hits / Math.max(1, par.distinct);
  const heavy = kid.hits >= Math.max(6, 4 * avg);
  switch (kid.kind) {
    case 'name':
      // an id parameter (`/{build_num}`) does not take names (`/envvar` beside it is an operation),
      // unless the name is shaped like its values (`vertex-9.pdf` beside `willow-73.pdf`)
      return (!isIdParameter(par) || sameShape(kid.label, par) || !heavy) && fitsUnder(kid, par);
    case 'word':
    case 'compound': {
      if (par.distinct < 4 || !fitsUnder(kid, par)) return false;
      // a slug (`api-delta-tools`, `kube-system`) beside a parameter of names is one more value
      if (
        kid.kind === 'compound' &&
        /[a-z0-9][-_][a-z0-9]/i.test(kid.label) &&
        textShare(par) >= 0.5 &&
        !heavy
      )
        return true;
      // a parameter of names takes a word that continues like its values do
      // (`substack/{project}/build-cache`), never a bare terminal word (`/users/me`, `/users/search`)
      const shared = sharedContinuations(kid, par);
      if (textShare(par) >= 0.5 && (shared >= 2 || (shared >= 1 && !heavy && par.distinct >= 8))) return true;
      // words run together without a separator (`facebook`, `hashicorp`) read like names
      if (kid.kind === 'compound' && wordParts(kid.label).length === 1 && textShare(par) >= 0.5 && !heavy)
        return true;
      // a parameter whose values are words takes more light words
      return !heavy && par.vocab >= 0.2 * par.distinct;
    }
    case 'date':
    case 'int':
    case 'semver':
      return true;
    case 'rpc':
    case 'version':
    case 'empty':
      return false;
    case 'email':
    case 'hex':
    case 'idlike':
    case 'ip':
    case 'list':
    case 'token':
    case 'uuid':
      return !heavy;
  }
}

function sharedContinuations(kid: TemplaterNode, par: TemplaterNode): number {
  let n = 0;
  for (const [key, child] of kid.lit) {
    const same = key === '' ? undefined : par.lit.get(key);
    if (!same) continue;
    n += 1;
    // one level further: the same literal, or a value where the parameter has a parameter
    const deeper =
      (child.par.size > 0 && same.par.size > 0) ||
      [...child.lit].some(
        ([k, c]) => k !== '' && (same.lit.has(k) || (same.par.size > 0 && c.kind !== 'word')),
      );
    if (deeper) n += 1;
  }
  for (const [ext, child] of kid.par) {
    const theirs = par.par.get(ext);
    if (!theirs) continue;
    n += 1;
    if ([...child.lit.keys()].some((k) => k !== '' && theirs.lit.has(k))) n += 1;
  }
  // values under `kid` not collapsed yet (`substack/vue/issues`) where the parameter has a parameter
  const theirs = par.par.get('');
  if (theirs) {
    const values = [...kid.lit].filter(([k, c]) => k !== '' && !par.lit.has(k) && c.kind !== 'word');
    if (values.length > 0) n += 1;
    if (values.some(([, c]) => [...c.lit.keys()].some((k) => k !== '' && theirs.lit.has(k)))) n += 1;
  }
  return n;
}

/** `willow-73.pdf` -> `a-9.a`: what a value looks like once letters and digits are abstracted. */
const shapeOf = (value: string): string =>
  value
    .replace(/[a-z]+/g, 'a')
    .replace(/[A-Z]+/g, 'A')
    .replace(/\d+/g, '9');

function sameShape(label: string, par: TemplaterNode): boolean {
  const shape = shapeOf(splitExtension(label).stem);
  return shape.includes('9') && par.samples.some((s) => shapeOf(splitExtension(s).stem) === shape);
}

function moveInto(node: TemplaterNode, par: TemplaterNode, kid: Kid): void {
  node.lit.delete(kid.key);
  const stem = par.mixedExtensions ? kid.key : splitExtension(kid.key).stem;
  par.absorbParameter(kid.node);
  par.addValue(stem, kid.node.kind, kid.node.hits, isVocabularyKind(kid.node.kind));
  par.dirty = true;
}

/** Applies the rules to `node`; returns whether anything moved. */
export function consolidateNode(node: TemplaterNode, limits: ConsolidateLimits): boolean {
  let moved = mergeExtensions(node) || mergeFormats(node);
  if (node.lit.size === 0) return moved;
  const groups = new Map<string, Kid[]>();
  for (const [key, child] of node.lit) {
    if (NEVER_VALUE.has(child.kind)) continue;
    const ext = node.par.get('')?.mixedExtensions ? '' : splitExtension(key).ext;
    const g = groups.get(ext) ?? [];
    g.push({ key, node: child });
    groups.set(ext, g);
  }
  for (const [ext, kids] of groups) {
    if (node.noParam.has(ext)) continue;
    let par = node.par.get(ext);
    if (!par) {
      const chosen = formParameter(kids, limits);
      if (chosen.length === 0) continue;
      par = new TemplaterNode();
      node.par.set(ext, par);
      for (const kid of chosen) moveInto(node, par, kid);
      moved = true;
    }
    for (const kid of kids) {
      if (!node.lit.has(kid.key)) continue;
      if (joins(kid.node, par)) {
        moveInto(node, par, kid);
        moved = true;
      }
    }
    const left = kids.filter((k) => node.lit.has(k.key));
    if (left.length > limits.maxChildren) {
      for (const kid of [...left].sort((a, b) => b.node.hits - a.node.hits).slice(limits.maxChildren / 4))
        moveInto(node, par, kid);
      moved = true;
    }
  }
  return moved;
}

/** Values carrying several extensions (`report.pdf`, `logo.png`): the extension is part of the value. */
function mergeExtensions(node: TemplaterNode): boolean {
  const exts = [...node.par.keys()].filter((e) => e !== '');
  if (exts.length < 2) return false;
  const plain = node.par.get('') ?? new TemplaterNode();
  node.par.set('', plain);
  plain.mixedExtensions = true;
  for (const ext of exts) {
    const par = node.par.get(ext);
    node.par.delete(ext);
    if (par) plain.absorbParameter(par);
  }
  return true;
}

/** `lists.json` and `lists.jsonp` side by side: one operation with a format (`lists.{format}`). */
function mergeFormats(node: TemplaterNode): boolean {
  const byStem = new Map<string, string[]>();
  for (const key of node.lit.keys()) {
    const { stem, ext } = splitExtension(key);
    if (ext === '') continue;
    byStem.set(stem, [...(byStem.get(stem) ?? []), key]);
  }
  let moved = false;
  for (const [stem, keys] of byStem) {
    if (keys.length < 2) continue;
    const target = `${stem}${FORMAT_SUFFIX}`;
    const merged = node.lit.get(target) ?? TemplaterNode.literal(target);
    node.lit.set(target, merged);
    for (const key of keys) {
      const child = node.lit.get(key);
      node.lit.delete(key);
      if (child) merged.absorb(child);
    }
    moved = true;
  }
  return moved;
}
