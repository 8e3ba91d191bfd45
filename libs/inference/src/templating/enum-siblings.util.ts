import { isVocabularyKind, wordParts } from './segment-kind.util';
import { type Kid } from './sibling-evidence.util';
import { type TemplaterNode } from './templater-node.util';

/** Siblings of one shape that make an enum: fewer than this many are two operations that look alike. */
export const MIN_ENUM_VALUES = 3;
const MAX_SHAPE_DEPTH = 4;

/** `browsers`, `mailbox_providers`: a collection's name (REST names collections in the plural). */
const plural = (segment: string): boolean => /[^su]s$/.test(wordParts(segment).at(-1) ?? '');

/**
 * What follows a segment, literal by literal, with the methods that end there: `stats(GET)` for
 * SendGrid's `/clients/phone/stats`. Undefined when a parameter follows anywhere (`/users/{id}`,
 * `/groups/{id}`: resources, whose sameness says nothing) or the subtree is deeper than a few levels.
 */
export function literalShape(node: TemplaterNode, depth = 0): string | undefined {
  if (node.par.size > 0 || depth > MAX_SHAPE_DEPTH) return undefined;
  const parts: string[] = [];
  for (const [key, child] of node.lit) {
    const below = literalShape(child, depth + 1);
    if (below === undefined) return undefined;
    parts.push(`${key}${below}`);
  }
  const methods = [...node.ends.keys()].sort().join(',');
  return `(${methods}|${parts.sort().join(';')})`;
}

/**
 * Words that are values of a small enum (SendGrid `/v3/clients/{client_type}/stats` with `phone`,
 * `tablet`, `webmail`, `desktop`): at least MIN_ENUM_VALUES siblings that are never endpoints of their
 * own and continue exactly alike, through literals only, with the same methods — and that are most of
 * the siblings that continue at all, and not named in the plural. Collections (`/apis/apps/v1/deployments` beside
 * `/apis/batch/v1/jobs`) differ somewhere below, resources are followed by their ids, and operations
 * beside them (`/clients/stats`) end where they stand, so they stay literal.
 */
export function enumSiblings(kids: readonly Kid[]): Kid[] {
  const continuing = kids.filter((k) => k.node.lit.size > 0 || k.node.par.size > 0);
  const byShape = new Map<string, Kid[]>();
  for (const kid of continuing) {
    if (kid.node.pinned || kid.node.ends.size > 0 || kid.node.lit.size === 0) continue;
    if (!isVocabularyKind(kid.node.kind) && kid.node.kind !== 'name') continue;
    const shape = literalShape(kid.node);
    if (shape === undefined) continue;
    byShape.set(shape, [...(byShape.get(shape) ?? []), kid]);
  }
  for (const group of byShape.values()) {
    if (group.length < MIN_ENUM_VALUES || group.length * 2 <= continuing.length) continue;
    // collections that each have the same operation (`/v3/browsers/stats`, `/v3/devices/stats`,
    // `/v3/geo/stats`) are named in the plural; an enum's values are not (`phone`, `tablet`, `daily`)
    if (group.filter((k) => plural(k.key)).length * 3 < group.length) return group;
  }
  return [];
}

/**
 * One more value of an enum parameter formed before it was seen (`desktop` after `{client_type}` took
 * `phone`, `tablet`, `webmail`): a word that continues exactly as the parameter does, through literals
 * only, and is no endpoint of its own. Only a parameter whose values are words takes it, so `/users/me/
 * settings` stays beside `/users/{id}/settings`.
 */
export function continuesLikeEnum(kid: TemplaterNode, par: TemplaterNode): boolean {
  if (kid.ends.size > 0 || kid.lit.size === 0 || par.distinct < 1 || par.vocab * 2 < par.distinct)
    return false;
  const shape = literalShape(kid);
  return shape !== undefined && shape === literalShape(par);
}
