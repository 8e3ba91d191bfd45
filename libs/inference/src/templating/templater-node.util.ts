import { type SegmentKind, segmentKind, splitExtension } from './segment-kind.util';
import { type TemplaterNodeJson } from './templater-state.type';

const MAX_SAMPLES = 6;
const MAX_SAMPLE_LENGTH = 64;
const MAX_VOCABULARY = 64;
/** Linear-counting sketch of distinct values: 1024 bits, accurate to a few thousand values. */
const SKETCH_BITS = 1024;

function hashOf(value: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) h = Math.imul(h ^ value.charCodeAt(i), 0x01000193);
  return (h >>> 0) % SKETCH_BITS;
}

function estimate(bits: Uint8Array): number {
  let zero = 0;
  for (const byte of bits) for (let b = 0; b < 8; b++) if ((byte & (1 << b)) === 0) zero += 1;
  if (zero === 0) return SKETCH_BITS * 8;
  return Math.round(-SKETCH_BITS * Math.log(zero / SKETCH_BITS));
}

/** A node of the per-service path trie (see PathTemplater for the rules that shape it). */
export class TemplaterNode {
  hits = 0;
  readonly ends = new Map<string, number>();
  readonly lit = new Map<string, TemplaterNode>();
  readonly par = new Map<string, TemplaterNode>();
  readonly kinds = new Map<SegmentKind, number>();
  /** distinct values and distinct dictionary-word values (sketches, so merging two is exact-ish) */
  private valueBits: Uint8Array | undefined;
  private wordBits: Uint8Array | undefined;
  samples: string[] = [];
  pinned = false;
  /** parameter nodes: a name a user gave it, and whether a user forced every value into it */
  pinnedName: string | undefined;
  forced = false;
  /**
   * parameter nodes formed from an API-wide vocabulary of leaf names (recurring-leaves.util.ts):
   * they take only names of that vocabulary, so operations beside them stay literal
   */
  closed = false;
  /** closed parameters: the leaf names they took (bounded), still counted as recurring leaves */
  vocabulary: string[] = [];
  /** extensions under which a user split the parameter: values stay literal there */
  readonly noParam = new Set<string>();
  /** parameter nodes: values carry varying extensions (`a.pdf`, `b.png`), kept in the value */
  mixedExtensions = false;
  /**
   * parameter nodes formed by folding a flood of random siblings (flood-fold.util.ts): their node
   * stays in flood mode, so siblings without evidence keep joining them
   */
  flood = false;
  /**
   * literal nodes: the parent's calls when this segment first showed up, so a sibling that appears
   * beside a flood is judged on its share of the calls since (flood-fold.util.ts)
   */
  born = 0;
  /** the literal segment this node stands for ('' for parameters and the root) */
  label = '';
  /** kind of this node's own segment when it is a literal (cached: classification is not free) */
  kind: SegmentKind = 'name';
  dirty = true;

  static literal(segment: string): TemplaterNode {
    const node = new TemplaterNode();
    node.kind = segmentKind(splitExtension(segment).stem);
    node.label = segment;
    return node;
  }

  end(method: string, calls = 1): void {
    this.ends.set(method, (this.ends.get(method) ?? 0) + calls);
  }

  private estimates: [number, number] | undefined;

  get distinct(): number {
    return this.counts()[0];
  }

  get vocab(): number {
    return this.counts()[1];
  }

  /** The two estimates, recomputed only after the sketches changed (reading them is hot). */
  private counts(): [number, number] {
    this.estimates ??= [
      this.valueBits ? estimate(this.valueBits) : 0,
      this.wordBits ? estimate(this.wordBits) : 0,
    ];
    return this.estimates;
  }

  addValue(value: string, kind: SegmentKind, calls: number, vocabulary: boolean): void {
    this.kinds.set(kind, (this.kinds.get(kind) ?? 0) + calls);
    const bit = hashOf(value);
    this.estimates = undefined;
    this.valueBits ??= new Uint8Array(SKETCH_BITS / 8);
    this.valueBits[bit >> 3] |= 1 << (bit & 7);
    if (vocabulary) {
      this.wordBits ??= new Uint8Array(SKETCH_BITS / 8);
      this.wordBits[bit >> 3] |= 1 << (bit & 7);
    }
    const sample = value.slice(0, MAX_SAMPLE_LENGTH);
    if (this.samples.length < MAX_SAMPLES && !this.samples.includes(sample)) this.samples.push(sample);
  }

  /** Folds `src` (a subtree observed under another segment) into this one; `src` is discarded. */
  absorb(src: TemplaterNode): void {
    this.hits += src.hits;
    for (const [m, n] of src.ends) this.end(m, n);
    for (const [key, child] of src.lit) {
      const mine = this.lit.get(key);
      if (mine) mine.absorb(child);
      else this.lit.set(key, child);
    }
    for (const [ext, child] of src.par) {
      const mine = this.par.get(ext);
      if (mine) mine.absorbParameter(child);
      else this.par.set(ext, child);
    }
    this.pinned ||= src.pinned;
    this.forced ||= src.forced;
    this.closed ||= src.closed;
    for (const word of src.vocabulary) this.addVocabulary(word);
    this.pinnedName ??= src.pinnedName;
    for (const ext of src.noParam) this.noParam.add(ext);
    this.mixedExtensions ||= src.mixedExtensions;
    this.flood ||= src.flood;
    this.born = Math.min(this.born, src.born);
    this.dirty = true;
  }

  absorbParameter(src: TemplaterNode): void {
    this.absorb(src);
    for (const [k, n] of src.kinds) this.kinds.set(k, (this.kinds.get(k) ?? 0) + n);
    this.estimates = undefined;
    this.valueBits = orBits(this.valueBits, src.valueBits);
    this.wordBits = orBits(this.wordBits, src.wordBits);
    for (const s of src.samples)
      if (this.samples.length < MAX_SAMPLES && !this.samples.includes(s)) this.samples.push(s);
  }

  addVocabulary(word: string): void {
    if (this.vocabulary.length < MAX_VOCABULARY && !this.vocabulary.includes(word))
      this.vocabulary.push(word);
  }

  countNodes(): number {
    let n = 1;
    for (const c of this.lit.values()) n += c.countNodes();
    for (const c of this.par.values()) n += c.countNodes();
    return n;
  }

  toJSON(): TemplaterNodeJson {
    const out: TemplaterNodeJson = { h: this.hits };
    if (this.ends.size > 0) out.e = [...this.ends];
    if (this.lit.size > 0) out.l = [...this.lit].map(([k, c]) => [k, c.toJSON()]);
    if (this.par.size > 0) out.p = [...this.par].map(([k, c]) => [k, c.toJSON()]);
    if (this.kinds.size > 0) out.k = [...this.kinds];
    if (this.valueBits) out.d = Buffer.from(this.valueBits).toString('base64');
    if (this.wordBits) out.v = Buffer.from(this.wordBits).toString('base64');
    if (this.samples.length > 0) out.s = [...this.samples];
    if (this.pinned) out.pin = 1;
    if (this.pinnedName !== undefined) out.pn = this.pinnedName;
    if (this.forced) out.f = 1;
    if (this.closed) out.c = 1;
    if (this.vocabulary.length > 0) out.w = [...this.vocabulary];
    if (this.noParam.size > 0) out.np = [...this.noParam];
    if (this.mixedExtensions) out.x = 1;
    if (this.flood) out.fl = 1;
    if (this.born > 0) out.b = this.born;
    return out;
  }

  static fromJSON(json: TemplaterNodeJson, segment: string | undefined): TemplaterNode {
    const node = segment === undefined ? new TemplaterNode() : TemplaterNode.literal(segment);
    node.hits = num(json.h);
    for (const [m, n] of pairs(json.e)) if (typeof m === 'string') node.ends.set(m, num(n));
    for (const [k, c] of pairs(json.l))
      if (typeof k === 'string') node.lit.set(k, TemplaterNode.fromJSON(c, k));
    for (const [k, c] of pairs(json.p))
      if (typeof k === 'string') node.par.set(k, TemplaterNode.fromJSON(c, undefined));
    for (const [k, n] of pairs(json.k)) node.kinds.set(k, num(n));
    node.estimates = undefined;
    node.valueBits = bitsFrom(json.d);
    node.wordBits = bitsFrom(json.v);
    node.samples = Array.isArray(json.s)
      ? json.s.filter((s) => typeof s === 'string').slice(0, MAX_SAMPLES)
      : [];
    node.pinned = json.pin === 1;
    node.pinnedName = typeof json.pn === 'string' ? json.pn.slice(0, 64) : undefined;
    node.forced = json.f === 1;
    node.closed = json.c === 1;
    if (Array.isArray(json.w))
      for (const word of json.w)
        if (typeof word === 'string') node.addVocabulary(word.slice(0, MAX_SAMPLE_LENGTH));
    if (Array.isArray(json.np)) for (const ext of json.np) if (typeof ext === 'string') node.noParam.add(ext);
    node.mixedExtensions = json.x === 1;
    node.flood = json.fl === 1;
    node.born = num(json.b);
    node.dirty = false;
    return node;
  }
}

function num(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : 0;
}

function pairs<K, V>(list: Array<[K, V]> | undefined): Array<[K, V]> {
  return Array.isArray(list) ? list.filter((p) => Array.isArray(p) && p.length === 2) : [];
}

function orBits(a: Uint8Array | undefined, b: Uint8Array | undefined): Uint8Array | undefined {
  if (!b) return a;
  const out = a ? new Uint8Array(a) : new Uint8Array(SKETCH_BITS / 8);
  for (let i = 0; i < out.length; i++) out[i] |= b[i];
  return out;
}

function bitsFrom(text: unknown): Uint8Array | undefined {
  if (typeof text !== 'string') return undefined;
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length !== SKETCH_BITS / 8) return undefined;
  return new Uint8Array(bytes);
}
