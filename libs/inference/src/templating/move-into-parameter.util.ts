import { isRead } from './recurring-leaves.util';
import { isVocabularyKind, splitExtension } from './segment-kind.util';
import { type Kid } from './sibling-evidence.util';
import { type TemplaterNode } from './templater-node.util';

/** Folds the literal child `kid` of `node` into the parameter `par` (its calls, subtree and value). */
export function moveIntoParameter(node: TemplaterNode, par: TemplaterNode, kid: Kid): void {
  if (par.closed && [...kid.node.ends.keys()].some((m) => !isRead(m))) {
    // a selector's name that is also written to: its reads join the parameter, its writes stay
    for (const [method, calls] of [...kid.node.ends]) {
      if (!isRead(method)) continue;
      kid.node.ends.delete(method);
      par.end(method, calls);
      par.hits += calls;
      kid.node.hits = Math.max(0, kid.node.hits - calls);
    }
    par.addValue(kid.key, kid.node.kind, 1, isVocabularyKind(kid.node.kind));
    par.addVocabulary(kid.key);
    par.dirty = true;
    return;
  }
  node.lit.delete(kid.key);
  const stem = par.mixedExtensions ? kid.key : splitExtension(kid.key).stem;
  par.absorbParameter(kid.node);
  par.addValue(stem, kid.node.kind, kid.node.hits, isVocabularyKind(kid.node.kind));
  if (par.closed) par.addVocabulary(kid.key);
  par.dirty = true;
}
