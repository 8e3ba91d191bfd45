import { isVocabularyKind, segmentKind, splitExtension, wordParts } from './segment-kind.util';
import { type TemplaterNode } from './templater-node.util';

/**
 * Evidence the consolidation rules weigh about siblings at one trie node: what follows them, whether
 * they line up, whether one continues like a parameter's values, what a parameter's values look like.
 */

export interface ConsolidateLimits {
  /** literal children per node (and per extension) before a forced collapse */
  maxChildren: number;
  /**
   * leaf name -> distinct resources it ends paths under (recurring-leaves.util.ts); a function so the
   * trie is walked for it only when a node has a family of leaves to judge
   */
  recurrence?: () => ReadonlyMap<string, number>;
}

export interface Kid {
  key: string;
  node: TemplaterNode;
}

export const NEVER_VALUE = new Set(['rpc', 'version', 'empty']);

export function continuations(node: TemplaterNode, deep: boolean): Set<string> {
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

export function addDeep(out: Set<string>, child: TemplaterNode): void {
  if (out.size > 256) return;
  for (const k of child.lit.keys()) out.add(`*/${k}`);
  for (const e of child.par.keys()) out.add(`*/{}${e}`);
  if (child.ends.size > 0) out.add('*/$');
}

/** Continuations that are structure (`pods`, `collections`), not values that repeat (`torvalds`). */
export function structuralKeys(node: TemplaterNode): string[] {
  return [...node.lit].filter(([k, c]) => k !== '' && isVocabularyKind(c.kind)).map(([k]) => k);
}

/** Groups kids into connected components of `linked`; returns the largest. */
export function largestComponent(kids: Kid[], linked: (a: Kid, b: Kid) => boolean): Kid[] {
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

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? 0 : s[Math.floor(s.length / 2)];
};

export function aligned(a: Kid, b: Kid): boolean {
  const ca = continuations(a.node, true);
  const cb = continuations(b.node, true);
  for (const k of ca) if (cb.has(k)) return true;
  return false;
}

export function sharedLiterals(a: Kid, b: Kid): number {
  let n = 0;
  const theirs = new Set(structuralKeys(b.node));
  for (const k of structuralKeys(a.node)) if (theirs.has(k)) n += 1;
  return n;
}

/** Names, and words run together without a separator (`coredns`, `facebook`): product and user names. */
export function nameLike(node: TemplaterNode): boolean {
  return node.kind === 'name' || (node.kind === 'compound' && wordParts(node.label).length === 1);
}

/**
 * Does `kid` continue the way the parameter's values do? Each of its continuations must be one the
 * parameter has, or — under the parameter's own parameter — a value-like segment, or a word that
 * itself continues like those values (`torvalds/hello-world/issues` under `{owner}/{repo}/issues`).
 */
export function fitsUnder(kid: TemplaterNode, par: TemplaterNode, depth = 0): boolean {
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
  // a path that ends here, beside values that always go on (`/v1/__lbheartbeat__` beside
  // `/v1/{prefix}/{api_ver}/...`), is an operation of its own
  if (depth === 0 && kid.ends.size > 0 && par.ends.size === 0 && (par.lit.size > 0 || par.par.size > 0)) {
    total += 1;
    misfits += 1;
  }
  // one odd continuation in five (at least one when others match) is noise: a rare operation whose
  // only calls happened to carry this value
  const tolerated = total >= 2 ? Math.max(1, Math.floor(total / 5)) : 0;
  return depth === 0 ? misfits <= tolerated && (total === 0 || misfits < total) : misfits === 0;
}

export function continuationFits(
  key: string,
  child: TemplaterNode,
  par: TemplaterNode,
  depth: number,
): boolean {
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

export function sharedContinuations(kid: TemplaterNode, par: TemplaterNode): number {
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
export const shapeOf = (value: string): string =>
  value
    .replace(/[a-z]+/g, 'a')
    .replace(/[A-Z]+/g, 'A')
    .replace(/\d+/g, '9');

export function sameShape(label: string, par: TemplaterNode): boolean {
  const shape = shapeOf(splitExtension(label).stem);
  return shape.includes('9') && par.samples.some((s) => shapeOf(splitExtension(s).stem) === shape);
}
