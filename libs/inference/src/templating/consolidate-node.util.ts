import { formByAnalogy } from './collection-analogy.util';
import { foldFlood, inFlood } from './flood-fold.util';
import { formParameter } from './form-parameter.util';
import { joins } from './join-parameter.util';
import { MIN_FAMILY, recurringLeaves } from './recurring-leaves.util';
import { moveIntoParameter } from './move-into-parameter.util';
import { splitExtension } from './segment-kind.util';
import { type ConsolidateLimits, type Kid, NEVER_VALUE } from './sibling-evidence.util';
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
 *  4. more siblings than the per-node bound: everything but the heaviest collapses;
 *  5. a flood (many siblings, most called once, of any kind, RPC-looking or not): everything without
 *     evidence of being an operation folds into a flood parameter (flood-fold.util.ts).
 * Once a parameter exists, further siblings join it when they look like its values and fit under it
 * (their continuations are ones the parameter has); dictionary words join only a parameter whose
 * values are words, and never when they are "heavy" (called far more than a typical value: `/users/me`).
 * RPC-style names (`chat.postMessage`), versions and empty segments never become values. The rules
 * live in form-parameter.util.ts and join-parameter.util.ts, the evidence in sibling-evidence.util.ts.
 */

/** Literal key of an operation whose extension varies: `lists.{format}`. */
export const FORMAT_SUFFIX = '.{format}';

/** Applies the rules to `node`; returns whether anything moved. */
export function consolidateNode(node: TemplaterNode, limits: ConsolidateLimits): boolean {
  let moved = mergeExtensions(node) || mergeFormats(node);
  // a flood is judged first and alone: the rules below would let a flood parameter, which has every
  // word as a continuation, take real operations that continue like its values (`/api/users`)
  if (foldFlood(node, limits.maxChildren)) moved = true;
  if (node.lit.size === 0 || inFlood(node)) return moved;
  moved = formByAnalogy(node) || moved;
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
    const vocabulary =
      limits.recurrence && (par?.closed || kids.length >= MIN_FAMILY)
        ? recurringLeaves(kids, limits.recurrence(), par?.closed === true)
        : [];
    if (!par) {
      const formed = formParameter(kids, limits);
      const chosen = formed.length > 0 ? formed : vocabulary;
      if (chosen.length === 0) continue;
      par = new TemplaterNode();
      par.closed = formed.length === 0;
      node.par.set(ext, par);
      for (const kid of chosen) moveIntoParameter(node, par, kid);
      moved = true;
    }
    for (const kid of kids) {
      if (!node.lit.has(kid.key)) continue;
      if (vocabulary.includes(kid) || (!par.closed && joins(kid.node, par))) {
        moveIntoParameter(node, par, kid);
        moved = true;
      }
    }
    const left = kids.filter((k) => node.lit.has(k.key));
    if (left.length > limits.maxChildren) {
      for (const kid of [...left].sort((a, b) => b.node.hits - a.node.hits).slice(limits.maxChildren / 4))
        moveIntoParameter(node, par, kid);
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

export type { ConsolidateLimits } from './sibling-evidence.util';
export { isIdParameter, textShare } from './sibling-evidence.util';
