import { singularise } from '../path-template.util';
import { type SegmentKind } from './segment-kind.util';

/** One segment of a resolved template: a literal, or a parameter with what its values look like. */
export type TemplatePart =
  { literal: string } | { ext: string; kind: SegmentKind; value?: string; name?: string };

const ID_KINDS: ReadonlySet<SegmentKind> = new Set(['int', 'uuid', 'hex', 'token', 'idlike', 'list']);

function camel(word: string): string {
  const parts = word.split(/[^A-Za-z0-9]+/).filter(Boolean);
  return parts
    .map((w, i) =>
      i === 0 ? w.charAt(0).toLowerCase() + w.slice(1) : w.charAt(0).toUpperCase() + w.slice(1),
    )
    .join('');
}

function baseName(literal: string | undefined, kind: SegmentKind): string {
  if (kind === 'date') return 'date';
  if (kind === 'email') return 'email';
  if (kind === 'ip') return 'ip';
  if (literal === undefined || !/^[A-Za-z][A-Za-z0-9_.-]*$/.test(literal)) return 'id';
  const noun = camel(singularise(literal));
  if (noun === '') return 'id';
  if (ID_KINDS.has(kind)) return `${noun}Id`;
  return noun === 'user' ? 'username' : noun;
}

/**
 * Names parameters from context: the literal before them (`/users/{userId}`, `/orders/{orderId}`),
 * `{owner}` then the noun for two values in a row (`/repos/{owner}/{repo}`), unique in a template.
 */
export function nameParameters(parts: readonly TemplatePart[]): string[] {
  const names: string[] = [];
  const used = new Set<string>();
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if ('literal' in part) continue;
    let start = i;
    while (start > 0 && !('literal' in parts[start - 1])) start -= 1;
    const before = start > 0 ? parts[start - 1] : undefined;
    const literal = before && 'literal' in before ? before.literal : undefined;
    const runLength = (() => {
      let end = i;
      while (end + 1 < parts.length && !('literal' in parts[end + 1])) end += 1;
      return end - start + 1;
    })();
    let base = baseName(literal, part.kind);
    if (runLength >= 2 && i === start && literal !== undefined) base = 'owner';
    if (part.name !== undefined) base = part.name;
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base}${n}`;
    used.add(name);
    names.push(name);
  }
  return names;
}
