import { type SegmentKind } from './segment-kind.util';

/**
 * One node of a service's path trie in its serialised form (`PathTemplater.toJSON()`). Children are
 * arrays of pairs, never object keys, so a segment named `__proto__` is data like any other.
 */
export interface TemplaterNodeJson {
  /** calls that passed through this node */
  h: number;
  /** method -> calls that ended here */
  e?: Array<[string, number]>;
  /** literal children */
  l?: Array<[string, TemplaterNodeJson]>;
  /** parameter children by extension ('' for none, '.json', ...) */
  p?: Array<[string, TemplaterNodeJson]>;
  /** parameter nodes: calls per value kind */
  k?: Array<[SegmentKind, number]>;
  /** parameter nodes: sketches (1024-bit linear counting, base64) of distinct values and words */
  d?: string;
  v?: string;
  /** parameter nodes: a few example values (bounded) */
  s?: string[];
  /** a user pinned this literal: it is never absorbed into a parameter */
  pin?: 1;
  /** parameter nodes: values carry varying extensions, kept in the value */
  x?: 1;
  /** parameter nodes: formed by folding a flood of random siblings (its node stays in flood mode) */
  fl?: 1;
  /** literal nodes: the parent's calls when the segment first showed up */
  b?: number;
  /** corrections: a parameter's name given by a user; every value forced into it; extensions split */
  pn?: string;
  f?: 1;
  /** parameter nodes: a closed vocabulary of leaf names (field selectors): takes no other siblings */
  c?: 1;
  /** closed parameter nodes: the leaf names they took (bounded) */
  w?: string[];
  np?: string[];
}

export interface TemplaterStateJson {
  version: 1;
  /** calls observed in total */
  observed: number;
  root: TemplaterNodeJson;
  /** the service's reference spec templates, matched before the trie (PathTemplater.useReference) */
  reference?: string[];
}
