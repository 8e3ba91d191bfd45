import { memberSegment } from './json-path.util';
import { type LeafVisitor } from './json-leaves.util';

const BRACKETS = /^([^[\]]+)((?:\[[^[\]]*\])*)$/;

/**
 * Visits the fields of an `application/x-www-form-urlencoded` body as JSON paths: `email` is
 * `$.email`, and the bracket nesting that Rails, PHP and Stripe use (`card[number]`, `items[0][sku]`,
 * `tags[]`) becomes `$.card.number`, `$.items[*].sku`, `$.tags[*]`, as the same data would be in JSON.
 */
export function visitFormFields(body: string, visit: LeafVisitor, maxFields: number): boolean {
  let fields = 0;
  for (const [field, value] of new URLSearchParams(body)) {
    if (++fields > maxFields) return false;
    const m = BRACKETS.exec(field);
    if (m === null) {
      visit(`$${memberSegment(field)}`, field, null, value);
      continue;
    }
    let path = `$${memberSegment(m[1])}`;
    let name = m[1];
    let parent: string | null = null;
    for (const [, inner] of m[2].matchAll(/\[([^[\]]*)\]/g)) {
      if (inner === '' || /^\d+$/.test(inner)) path += '[*]';
      else {
        path += memberSegment(inner);
        parent = name;
        name = inner;
      }
    }
    visit(path, name, parent, value);
  }
  return true;
}
