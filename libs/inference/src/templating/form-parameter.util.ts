import { enumSiblings } from './enum-siblings.util';
import { isVocabularyKind } from './segment-kind.util';
import {
  type ConsolidateLimits,
  type Kid,
  aligned,
  continuations,
  largestComponent,
  median,
  nameLike,
  sharedLiterals,
  structuralKeys,
} from './sibling-evidence.util';

/** Rules 1-4 of consolidate-node.util.ts: which literal siblings form a new parameter (none: []). */
export function formParameter(kids: Kid[], limits: ConsolidateLimits): Kid[] {
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
  const enumValues = enumSiblings(kids);
  if (enumValues.length > 0) return enumValues;
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
