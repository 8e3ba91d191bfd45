import { consolidateNode, FORMAT_SUFFIX, textShare } from './consolidate-node.util';
import { operationLike } from './flood-fold.util';
import { leafRecurrence } from './recurring-leaves.util';
import { nameParameters, type TemplatePart } from './parameter-name.util';
import {
  isTypedKind,
  isVocabularyKind,
  type SegmentKind,
  segmentKind,
  splitExtension,
} from './segment-kind.util';
import { isRead } from './recurring-leaves.util';
import { ReferenceTemplates } from './reference-templates.util';
import { fitsUnder } from './sibling-evidence.util';
import { TemplaterNode } from './templater-node.util';
import { type TemplaterStateJson } from './templater-state.type';

export type TemplateCorrectionAction = 'pin' | 'split' | 'merge';

export interface PathTemplaterOptions {
  /** literal children per trie node before the least-used collapse into a parameter */
  maxChildren?: number;
  /** trie nodes per service; beyond it the widest nodes collapse (a flood of random paths) */
  maxNodes?: number;
  /** segments kept per path; the rest is folded into the last one */
  maxDepth?: number;
}

export interface ResolvedPath {
  /** OpenAPI template: `/users/{userId}` */
  template: string;
  /** path parameters with the value this path had and the kind of values the parameter takes */
  parameters: Array<{ name: string; value: string; kinds: SegmentKind[] }>;
}

const MAX_SEGMENT = 256;
const PARAM_SEGMENT = /^\{[^}/]*\}(\.[A-Za-z0-9]+)?$/;

/**
 * Learns the endpoint templates of one service from the stream of paths it serves (issue 4).
 * State: a trie of segments whose literal children are folded into a parameter child when evidence
 * says they are values (consolidate-node.util.ts has the rules). Typed values (ids, UUIDs, hashes,
 * emails...) go to the parameter child at once; the rest is re-examined every few hundred calls, so
 * templates are revised as evidence arrives, and resolving a path — or an older, finer template —
 * always uses the latest state. The trie is bounded per node and per service, so a flood of random
 * paths collapses into parameters instead of growing memory. `toJSON()`/`fromJSON()` round-trip the
 * whole state, so it can be stored and handed from one worker to another.
 */
export class PathTemplater {
  private root = new TemplaterNode();
  private observed = 0;
  private sinceConsolidation = 0;
  private nodes = 1;
  /**
   * resolutions since the trie last changed shape (same path, same answer), by path: the method
   * matters only for reads of a selector's name (`read`, computed for those paths alone)
   */
  private readonly resolved = new Map<
    string,
    { base: ResolvedPath; selector: boolean; read?: ResolvedPath }
  >();
  /** set by resolveNow: the path's last segment is a name of a selector vocabulary */
  private selectorSeen = false;
  /** a reference spec's templates: a path matching one resolves to it (reference-templates.util.ts) */
  private reference: ReferenceTemplates | undefined;
  private readonly maxChildren: number;
  private readonly maxNodes: number;
  private readonly maxDepth: number;

  constructor(options: PathTemplaterOptions = {}) {
    this.maxChildren = options.maxChildren ?? 128;
    this.maxNodes = options.maxNodes ?? 8000;
    this.maxDepth = options.maxDepth ?? 24;
  }

  get calls(): number {
    return this.observed;
  }

  /** Nodes of the trie: what this service's state costs in memory (bounded by maxNodes). */
  get size(): number {
    return this.nodes;
  }

  observe(method: string, path: string): void {
    let node = this.root;
    node.hits += 1;
    const segments = this.segmentsOf(path);
    for (let depth = 0; depth < segments.length; depth++) {
      const field = depth === segments.length - 1 ? vocabularyRead(node, segments[depth], method) : undefined;
      if (field) {
        field.hits += 1;
        field.addValue(segments[depth], segmentKind(segments[depth]), 1, true);
        node = field;
      } else node = this.step(node, segments[depth], depth);
    }
    node.end(method);
    this.observed += 1;
    this.sinceConsolidation += 1;
    if (this.sinceConsolidation >= Math.max(256, this.nodes / 4) || this.nodes > this.maxNodes)
      this.consolidate();
  }

  /** Re-examines the whole trie now (also done every few hundred calls). */
  consolidate(): void {
    this.sinceConsolidation = 0;
    this.resolved.clear();
    // bottom-up: a node decides on children whose own subtrees are already templated, and a
    // parameter made of merged subtrees is examined again (its children now line up); a decision
    // can enable one above it that was already passed, hence a few rounds
    // counted once per consolidation, at the first node that needs it (decisions made during the
    // walk do not change which names recur: moved names stay counted through the vocabulary)
    let recurrence: Map<string, number> | undefined;
    const limits = {
      maxChildren: this.maxChildren,
      recurrence: () => (recurrence ??= leafRecurrence(this.root)),
    };
    const walk = (node: TemplaterNode, depth: number): boolean => {
      let moved = false;
      for (const child of [...node.lit.values()]) moved = walk(child, depth + 1) || moved;
      for (const child of [...node.par.values()]) moved = walk(child, depth + 1) || moved;
      if ((node.dirty || node.lit.size + node.par.size > 1) && consolidateNode(node, limits)) {
        moved = true;
        for (const child of [...node.par.values()]) if (depth < this.maxDepth) walk(child, depth + 1);
      }
      node.dirty = false;
      return moved;
    };
    for (let round = 0; round < 4 && walk(this.root, 0); round++);
    this.nodes = this.root.countNodes();
    // still too large: collapse the widest nodes whatever their children look like
    for (let guard = 0; this.nodes > this.maxNodes && guard < 64; guard++) {
      const widest = this.widest(this.root);
      if (!widest || widest.lit.size <= 1) break;
      consolidateNode(widest, { maxChildren: 1 });
      for (const [key, child] of [...widest.lit]) {
        if (child.pinned) continue;
        widest.lit.delete(key);
        const ext = splitExtension(key).ext;
        const par = widest.par.get(ext) ?? new TemplaterNode();
        widest.par.set(ext, par);
        par.absorbParameter(child);
        par.addValue(key, child.kind, child.hits, false);
      }
      this.nodes = this.root.countNodes();
    }
  }

  /**
   * The template of a path (or of an older template) under the current state; never learns. With the
   * method, a read of a field selector (`GET /cards/{id}/closed`) resolves to the selector parameter
   * while a write to the same name (`PUT /cards/{id}/closed`) stays its own operation.
   */
  resolve(path: string, method?: string): ResolvedPath {
    const key = this.reference && method !== undefined ? `${method} ${path}` : path;
    let entry = this.resolved.get(key);
    if (!entry) {
      const learnt = this.resolveNow(path, false);
      const documented = this.reference?.match(path, method);
      const template =
        documented === undefined ? undefined : this.reconcile(documented, learnt.template, method);
      const base =
        template !== undefined
          ? { template, parameters: ReferenceTemplates.parameters(template, path) }
          : learnt;
      // a documented path is what the spec says, for reads of a selector's name too
      if (template !== undefined) this.selectorSeen = false;
      entry = { base, selector: this.selectorSeen };
      if (this.resolved.size >= 4096) this.resolved.clear();
      this.resolved.set(key, entry);
    }
    if (!entry.selector || method === undefined || !isRead(method)) return entry.base;
    return (entry.read ??= this.resolveNow(path, true));
  }

  private resolveNow(path: string, read: boolean): ResolvedPath {
    const segments = this.segmentsOf(path);
    const parts: TemplatePart[] = [];
    let node: TemplaterNode | undefined = this.root;
    this.selectorSeen = false;
    for (let i = 0; i < segments.length; i++) {
      const segment = segments[i];
      const field: TemplaterNode | undefined =
        node && i === segments.length - 1 ? vocabularyRead(node, segment, 'GET') : undefined;
      if (field) this.selectorSeen = true;
      if (field && read) {
        parts.push({ ext: '', kind: dominantKind(field) ?? 'word', value: segment });
        node = field;
        continue;
      }
      const { stem, ext } = node?.par.get('')?.mixedExtensions
        ? { stem: segment, ext: '' }
        : splitExtension(segment);
      const format = node?.lit.has(formatKey(segment)) ? formatKey(segment) : segment;
      const known: TemplaterNode | undefined = node?.lit.get(format);
      if (known && !(PARAM_SEGMENT.test(segment) && node?.par.has(ext))) {
        parts.push({ literal: format });
        node = known;
        continue;
      }
      const par: TemplaterNode | undefined = node?.par.get(ext);
      const kind = PARAM_SEGMENT.test(segment) ? 'name' : segmentKind(stem);
      if (par) {
        parts.push({
          ext,
          kind: dominantKind(par) ?? kind,
          value: stem,
          ...(par.pinnedName !== undefined && { name: par.pinnedName }),
        });
        node = par;
      } else if (PARAM_SEGMENT.test(segment) || isTypedKind(kind)) {
        // never seen here (state lost, or not learnt yet): typed values are still values
        parts.push({
          ext: PARAM_SEGMENT.test(segment) ? splitExtension(segment).ext : ext,
          kind,
          value: stem,
        });
        node = undefined;
      } else {
        parts.push({ literal: segment });
        node = undefined;
      }
    }
    return render(parts, path);
  }

  /**
   * A user's correction (`apiscope templates pin|split|merge`), applied to the state so it holds for
   * future calls and, through read-time resolution, for past ones:
   * - pin: this template is right: its literals never become values, its parameters exist (and
   *   carry the names given);
   * - merge: as pin, and every sibling at a parameter's position is one of its values;
   * - split: the template's last parameter was wrong: its values are literals from now on.
   * Returns false when the template is not a path template.
   */
  correct(action: TemplateCorrectionAction, template: string): boolean {
    const segments = this.segmentsOf(template);
    if (!template.startsWith('/') || segments.length === 0) return false;
    this.resolved.clear();
    let node = this.root;
    const params = segments.map((s) => PARAM_SEGMENT.exec(s));
    const last = params.map((p) => p !== null).lastIndexOf(true);
    for (let i = 0; i < segments.length; i++) {
      const param = params[i];
      if (!param) {
        let child = node.lit.get(segments[i]);
        if (!child) {
          child = TemplaterNode.literal(segments[i]);
          node.lit.set(segments[i], child);
        }
        if (action !== 'split') child.pinned = true;
        node = child;
        continue;
      }
      const ext = param[1] ?? '';
      const name = segments[i].slice(1, segments[i].indexOf('}'));
      if (action === 'split' && i === last) {
        node.noParam.add(ext);
        node.par.delete(ext);
        return true;
      }
      node.noParam.delete(ext);
      let par = node.par.get(ext);
      if (!par) {
        par = new TemplaterNode();
        node.par.set(ext, par);
      }
      if (/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(name)) par.pinnedName = name;
      // siblings that are values by the usual rules join now; with merge, every sibling does
      if (action === 'merge') par.forced = true;
      consolidateNode(node, { maxChildren: this.maxChildren });
      node = par;
    }
    this.nodes = this.root.countNodes();
    return action !== 'split';
  }

  /**
   * A documented template against the learnt one for the same path: the spec wins (its literals split
   * what traffic merged, its parameters merge what traffic had not seen enough of), except where the
   * learner kept a literal apart from a parameter beside it — an operation the spec does not document
   * (`/users/search` beside a documented `/users/{id}`), which stays an endpoint of its own.
   */
  private reconcile(documented: string, learnt: string, method: string | undefined): string {
    const spec = documented.split('/');
    const seen = learnt.split('/');
    if (spec.length !== seen.length) return documented;
    let node: TemplaterNode | undefined = this.root;
    let kept = false;
    const out = spec.map((segment, i) => {
      if (i === 0) return segment;
      const mine = seen[i];
      const param = PARAM_SEGMENT.test(mine)
        ? node?.par.get(splitExtension(mine.replace(/^\{[^}]*\}/, 'x')).ext)
        : undefined;
      const literal = node?.lit.get(mine);
      const beside = node?.par.get('');
      // a literal that goes on the way the values beside it do (`/snippets/substack/{id}/patch` beside
      // `/snippets/{username}/{id}/patch`) is a value the learner missed, not an operation
      // ... and a last segment kept for other methods only (`PUT /cards/{id}/closed`) says nothing of
      // this one's (`GET /cards/{id}/closed` reads the `{field}` selector)
      const last = i === spec.length - 1;
      const deliberate =
        literal !== undefined &&
        beside !== undefined &&
        !(literal.lit.size + literal.par.size > 0 && fitsUnder(literal, beside)) &&
        !(last && method !== undefined && literal.ends.size > 0 && !literal.ends.has(method));
      node = literal ?? param;
      if (segment.includes('{') && deliberate) {
        kept = true;
        return mine;
      }
      return segment;
    });
    return kept ? out.join('/') : documented;
  }

  /**
   * The service's reference spec templates (all of them, replacing earlier ones; none: forget them):
   * from now on a path, or an older key, that matches one resolves to it.
   */
  useReference(templates: Iterable<string>): void {
    const reference = new ReferenceTemplates(templates);
    this.reference = reference.size > 0 ? reference : undefined;
    this.resolved.clear();
  }

  toJSON(): TemplaterStateJson {
    return {
      version: 1,
      observed: this.observed,
      root: this.root.toJSON(),
      ...(this.reference && { reference: [...this.reference.templates] }),
    };
  }

  static fromJSON(state: TemplaterStateJson, options: PathTemplaterOptions = {}): PathTemplater {
    const templater = new PathTemplater(options);
    if (state?.version === 1 && typeof state.root === 'object' && state.root !== null) {
      templater.root = TemplaterNode.fromJSON(state.root, undefined);
      templater.observed = typeof state.observed === 'number' ? state.observed : 0;
      templater.nodes = templater.root.countNodes();
      if (Array.isArray(state.reference)) templater.useReference(state.reference);
    }
    return templater;
  }

  private segmentsOf(path: string): string[] {
    if (path === '' || path === '*' || path === '/') return [];
    const segments = (path.startsWith('/') ? path.slice(1) : path).split('/');
    if (segments.length > this.maxDepth)
      segments.splice(this.maxDepth - 1, segments.length, segments.slice(this.maxDepth - 1).join('/'));
    return segments.map((s) => (s.length > MAX_SEGMENT ? `${s.slice(0, 32)}…${s.length}` : s));
  }

  private step(node: TemplaterNode, segment: string, depth: number): TemplaterNode {
    const known = node.lit.get(segment) ?? node.lit.get(formatKey(segment));
    if (known) {
      known.hits += 1;
      return known;
    }
    const plain = node.par.get('');
    const { stem, ext } = plain?.mixedExtensions ? { stem: segment, ext: '' } : splitExtension(segment);
    const kind = segmentKind(splitExtension(stem).stem);
    let par = node.par.get(ext);
    // a lone date or a small integer first segment is a version (`/2010-04-01/`, `/1/`): a value only
    // once a second one shows up beside it
    const soft = kind === 'date' || kind === 'semver' || (kind === 'int' && depth === 0 && stem.length <= 4);
    if (!par && soft) {
      const sibling = [...node.lit].find(([k, c]) => c.kind === kind && splitExtension(k).ext === ext);
      if (sibling) {
        this.resolved.clear();
        par = new TemplaterNode();
        node.par.set(ext, par);
        node.lit.delete(sibling[0]);
        par.absorbParameter(sibling[1]);
        par.addValue(splitExtension(sibling[0]).stem, kind, sibling[1].hits, false);
      }
    }
    if (node.noParam.has(ext)) par = undefined;
    // a closed vocabulary takes an unseen name only once consolidation finds it recurring too
    if (par?.closed && !par.forced && !isTypedKind(kind) && !soft) par = undefined;
    if (par && (par.forced || isTypedKind(kind) || soft || accepts(par, kind, segment))) {
      par.hits += 1;
      par.addValue(stem, kind, 1, isVocabularyKind(kind));
      return par;
    }
    if (!par && isTypedKind(kind) && !soft && !node.noParam.has(ext)) {
      this.resolved.clear();
      par = new TemplaterNode();
      node.par.set(ext, par);
      par.hits += 1;
      par.addValue(stem, kind, 1, false);
      return par;
    }
    const child = TemplaterNode.literal(segment);
    child.hits = 1;
    child.born = node.hits - 1;
    node.lit.set(segment, child);
    this.resolved.clear();
    node.dirty = true;
    this.nodes += 1;
    return child;
  }

  private widest(node: TemplaterNode): TemplaterNode | undefined {
    let best: TemplaterNode | undefined = node.lit.size > 0 ? node : undefined;
    for (const child of [...node.lit.values(), ...node.par.values()]) {
      const w = this.widest(child);
      if (w && (!best || w.lit.size > best.lit.size)) best = w;
    }
    return best;
  }
}

/** `lists.json` -> `lists.{format}` (the key a format-varying operation is kept under). */
function formatKey(segment: string): string {
  const { stem, ext } = splitExtension(segment);
  return ext === '' ? segment : `${stem}${FORMAT_SUFFIX}`;
}

/**
 * The closed vocabulary parameter a read of a known leaf name belongs to: the name stayed literal
 * because writes use it (`PUT /cards/{id}/closed`), but reads of it are the field selector's values.
 */
function vocabularyRead(node: TemplaterNode, segment: string, method: string): TemplaterNode | undefined {
  const par = node.par.get('');
  if (!par?.closed || !isRead(method) || !par.vocabulary.includes(segment)) return undefined;
  const known = node.lit.get(segment);
  return known && (known.lit.size > 0 || known.par.size > 0) ? undefined : par;
}

/** Does an existing parameter take an unseen value of this kind without waiting for evidence? */
function accepts(par: TemplaterNode, kind: SegmentKind, segment: string): boolean {
  // a flood parameter takes whatever does not look like an operation at once: no node per random name
  if (par.flood) return !operationLike(segment, kind);
  // only a parameter of names takes a name at once; beside ids (`/{build_num}`) or a young parameter
  // a name waits for consolidation to see whether it continues like the values (`/envvar/{name}`)
  if (kind === 'name') return textShare(par) >= 0.2;
  if (kind === 'word' || kind === 'compound') return par.distinct >= 4 && par.vocab >= 0.5 * par.distinct;
  return false;
}

function dominantKind(par: TemplaterNode): SegmentKind | undefined {
  let best: SegmentKind | undefined;
  let most = 0;
  for (const [k, n] of par.kinds)
    if (n > most) {
      best = k;
      most = n;
    }
  return best;
}

function render(parts: TemplatePart[], path: string): ResolvedPath {
  const names = nameParameters(parts);
  const parameters: ResolvedPath['parameters'] = [];
  let p = 0;
  const segments = parts.map((part) => {
    if ('literal' in part) return part.literal;
    const name = names[p++];
    parameters.push({ name, value: part.value ?? '', kinds: [part.kind] });
    return `{${name}}${part.ext}`;
  });
  if (segments.length === 0) return { template: path === '*' ? '*' : '/', parameters };
  return { template: `/${segments.join('/')}`, parameters };
}
