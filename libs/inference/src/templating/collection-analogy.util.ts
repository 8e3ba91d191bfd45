import { NEVER_VALUE } from './sibling-evidence.util';
import { isVocabularyKind, splitExtension, wordParts } from './segment-kind.util';
import { TemplaterNode } from './templater-node.util';

/** Calls a value may have had and still count as rare (the operation was called once or twice). */
const RARE_CALLS = 3;
/** Literal children a collection may have for them all to be judged as rare values. */
const MAX_RARE_VALUES = 3;

/**
 * A name no dictionary reads as words (`sierradb`, `ops-umbra-lib`): words joined by separators or
 * case (`new_relic`, `commit_activity`, `associatedDomain`) name operations and settings as often as
 * things, so they are not taken on so little evidence.
 */
const valueShaped = (node: TemplaterNode): boolean =>
  !node.pinned &&
  !NEVER_VALUE.has(node.kind) &&
  node.kind !== 'word' &&
  !(node.kind === 'compound' && wordParts(node.label).length > 1) &&
  node.hits <= RARE_CALLS;

/**
 * One word, or words run together (`persistentvolumes`): a collection's name, not a slug value. The
 * cheap tests first: this runs on every node at every consolidation.
 */
const collectionName = (key: string, node: TemplaterNode): boolean =>
  (node.lit.size > 0 || node.par.size > 0) &&
  // plural (REST names its collections so: `persistentvolumes`, `cronjobs`), one word or words run
  // together, not a slug or a camelCase phrase
  /^[A-Za-z][a-z]*[^su]s$/.test(key) &&
  (isVocabularyKind(node.kind) || node.kind === 'name');

/**
 * Values of an operation called once or twice, learnt by analogy with the collections beside it
 * (issue 4: parameters seen only a few times). Under `/api/v1/namespaces/{namespace}/`, `pods`,
 * `services` and `configmaps` each have a parameter; `endpoints/beacon-data`, seen once, is one more
 * collection followed by a name, so `beacon-data` is a value too. Applies to plural collections whose
 * literal children are all a few rare, non-dictionary names (`sierradb`, `ops-umbra-lib`), beside at
 * least two plural collections that take parameters; operations named by words (`/stats/contributors`,
 * `/releases/latest`) are never taken. Returns whether anything moved.
 */
export function formByAnalogy(parent: TemplaterNode): boolean {
  if (parent.lit.size < 3) return false;
  const collections = [...parent.lit].filter(([key, c]) => collectionName(key, c));
  const withParameter = collections.filter(([, c]) => c.par.has('')).length;
  if (withParameter < 2 || withParameter * 2 < collections.length) return false;
  let moved = false;
  for (const [, collection] of collections) {
    if (collection.lit.size === 0 || collection.lit.size > MAX_RARE_VALUES) continue;
    if (collection.pinned || collection.noParam.has('') || collection.par.get('')?.closed) continue;
    const kids = [...collection.lit].filter(([key]) => splitExtension(key).ext === '');
    if (kids.length !== collection.lit.size) continue;
    if (!kids.every(([, kid]) => valueShaped(kid))) continue;
    let par = collection.par.get('');
    if (!par) collection.par.set('', (par = new TemplaterNode()));
    for (const [key, kid] of kids) {
      collection.lit.delete(key);
      par.absorbParameter(kid);
      par.addValue(key, kid.kind, kid.hits, isVocabularyKind(kid.kind));
    }
    par.dirty = true;
    moved = true;
  }
  return moved;
}
