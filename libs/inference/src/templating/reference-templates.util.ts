import { segmentKind } from './segment-kind.util';

/** Spec templates one service keeps (a spec is bounded, a hostile one too). */
export const MAX_REFERENCE_TEMPLATES = 4096;
const MAX_TEMPLATE_LENGTH = 1024;

interface MatchNode {
  lit: Map<string, MatchNode>;
  /** segments with a parameter (`{id}`, `{Sid}.json`, `overview.{format}`), as patterns */
  patterns: Array<{ pattern: RegExp; node: MatchNode }>;
  template?: string;
  /** methods the spec documents for this template (empty: given without methods) */
  methods: Set<string>;
}

const node = (): MatchNode => ({ lit: new Map(), patterns: [], methods: new Set() });
const METHOD_TEMPLATE = /^([A-Z]{3,7}) (\/.*)$/;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `{Sid}.json` -> /^[^/]+?\.json$/; `{api_ver:\d+}` (Pyramid routes) -> digits only. */
function segmentPattern(segment: string): RegExp | undefined {
  if (!segment.includes('{')) return undefined;
  let source = '';
  let rest = segment;
  for (let m = /\{([^{}]*)\}/.exec(rest); m; m = /\{([^{}]*)\}/.exec(rest)) {
    source += escape(rest.slice(0, m.index));
    source += m[1].endsWith(':\\d+') ? '\\d+' : '[^/]+?';
    rest = rest.slice(m.index + m[0].length);
  }
  return new RegExp(`^${source}${escape(rest)}$`);
}

/**
 * A reference spec's path templates, matched against paths before the templater's own learning
 * (issue 4: "a reference spec's templates win when a path matches them"): a path that matches a
 * documented template takes it, literal segments preferred over parameters at every position
 * (`/users/me` over `/users/{username}`), so the spec splits what traffic alone would merge and
 * merges what it would split. Paths no template matches are left to the learnt state (they are the
 * undocumented, shadow endpoints).
 */
export class ReferenceTemplates {
  private readonly root = node();
  readonly templates: string[] = [];
  /** nodes visited by the current match: bounds backtracking on hostile specs and paths */
  private steps = 0;

  /** `/users/{id}`, or `GET /users/{id}` to say which methods the spec documents on it */
  constructor(templates: Iterable<unknown>) {
    for (const entry of templates) {
      if (this.templates.length >= MAX_REFERENCE_TEMPLATES) break;
      if (typeof entry !== 'string' || entry.length > MAX_TEMPLATE_LENGTH) continue;
      const [, method, template] = METHOD_TEMPLATE.exec(entry) ?? [undefined, undefined, entry];
      if (!template.startsWith('/')) continue;
      if (this.add(template, method)) this.templates.push(entry);
    }
  }

  get size(): number {
    return this.templates.length;
  }

  /**
   * The documented template of a path (or of a template written with other names), if any: one
   * documented for this method when there is one (Trello's `GET /cards/{id}/{field}` for a read of
   * `closed`, `PUT /cards/{id}/closed` for a write), else any.
   */
  match(path: string, method?: string): string | undefined {
    const segments = path === '/' ? [] : path.slice(path.startsWith('/') ? 1 : 0).split('/');
    this.steps = 0;
    if (method !== undefined) {
      const documented = this.walk(this.root, segments, 0, method);
      if (documented !== undefined) return documented;
    }
    return this.walk(this.root, segments, 0, undefined);
  }

  /** Parameters of `template` with their values in `path` (which matches it). */
  static parameters(
    template: string,
    path: string,
  ): Array<{ name: string; value: string; kinds: ReturnType<typeof segmentKind>[] }> {
    const values = path.split('/');
    const out: Array<{ name: string; value: string; kinds: ReturnType<typeof segmentKind>[] }> = [];
    template.split('/').forEach((segment, i) => {
      const pattern = segmentPattern(segment);
      if (!pattern) return;
      const name = /\{([^{}:]*)/.exec(segment)?.[1] ?? 'id';
      const value = values[i] ?? '';
      out.push({ name, value, kinds: [segmentKind(value)] });
    });
    return out;
  }

  private add(template: string, method: string | undefined): boolean {
    const segments = template === '/' ? [] : template.slice(1).split('/');
    let at = this.root;
    for (const segment of segments) {
      const pattern = segmentPattern(segment);
      if (!pattern) {
        let next = at.lit.get(segment);
        if (!next) at.lit.set(segment, (next = node()));
        at = next;
        continue;
      }
      let next = at.patterns.find((p) => p.pattern.source === pattern.source)?.node;
      if (!next) at.patterns.push({ pattern, node: (next = node()) });
      at = next;
    }
    const fresh = at.template === undefined || (method !== undefined && !at.methods.has(method));
    at.template ??= template;
    if (method !== undefined) at.methods.add(method);
    return fresh;
  }

  /** Depth-first, literals first. */
  private walk(at: MatchNode, segments: string[], i: number, method: string | undefined): string | undefined {
    if ((this.steps += 1) > 512) return undefined;
    if (i === segments.length)
      return method === undefined || at.methods.size === 0 || at.methods.has(method)
        ? at.template
        : undefined;
    const literal = at.lit.get(segments[i]);
    const found = literal ? this.walk(literal, segments, i + 1, method) : undefined;
    if (found !== undefined) return found;
    for (const { pattern, node: next } of at.patterns) {
      if (!pattern.test(segments[i])) continue;
      const below = this.walk(next, segments, i + 1, method);
      if (below !== undefined) return below;
    }
    return undefined;
  }
}
