import { continuesLikeEnum } from './enum-siblings.util';
import { wordParts } from './segment-kind.util';
import { fitsUnder, isIdParameter, sameShape, sharedContinuations, textShare } from './sibling-evidence.util';
import { type TemplaterNode } from './templater-node.util';

/** Whether a literal sibling joins an existing parameter (see consolidate-node.util.ts). */
export function joins(kid: TemplaterNode, par: TemplaterNode): boolean {
  if (kid.pinned) return false;
  if (par.forced) return true;
  const avg = par.hits / Math.max(1, par.distinct);
  const heavy = kid.hits >= Math.max(6, 4 * avg);
  switch (kid.kind) {
    case 'name':
      // an id parameter (`/{build_num}`) does not take names (`/envvar` beside it is an operation),
      // unless the name is shaped like its values (`vertex-9.pdf` beside `willow-73.pdf`)
      return (!isIdParameter(par) || sameShape(kid.label, par) || !heavy) && fitsUnder(kid, par);
    case 'word':
    case 'compound': {
      if (!heavy && continuesLikeEnum(kid, par)) return true;
      if (par.distinct < 4 || !fitsUnder(kid, par)) return false;
      // a slug (`api-delta-tools`, `kube-system`) beside a parameter of names is one more value
      if (
        kid.kind === 'compound' &&
        /[a-z0-9][-_][a-z0-9]/i.test(kid.label) &&
        textShare(par) >= 0.5 &&
        !heavy
      )
        return true;
      // a parameter of names takes a word that continues like its values do
      // (`substack/{project}/build-cache`), never a bare terminal word (`/users/me`, `/users/search`)
      const shared = sharedContinuations(kid, par);
      if (textShare(par) >= 0.5 && (shared >= 2 || (shared >= 1 && !heavy && par.distinct >= 8))) return true;
      // words run together without a separator (`facebook`, `hashicorp`) read like names
      if (kid.kind === 'compound' && wordParts(kid.label).length === 1 && textShare(par) >= 0.5 && !heavy)
        return true;
      // a parameter whose values are words takes more light words
      return !heavy && par.vocab >= 0.2 * par.distinct;
    }
    case 'date':
    case 'int':
    case 'semver':
      return true;
    case 'rpc':
    case 'version':
    case 'empty':
      return false;
    case 'email':
    case 'hex':
    case 'idlike':
    case 'ip':
    case 'list':
    case 'token':
    case 'uuid':
      return !heavy;
  }
}
