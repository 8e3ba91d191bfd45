import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';

import { RequestValidationException } from '../problem/validation.exception';
import { findPrototypeKey } from './prototype-key.util';

/** No DTO of this API nests deeper than a few levels; 32 leaves room and stops recursion bombs. */
export const MAX_BODY_DEPTH = 32;

function depthOf(value: unknown, limit: number, depth = 0): number {
  if (typeof value !== 'object' || value === null || depth > limit) return depth;
  let deepest = depth;
  for (const child of Object.values(value)) {
    deepest = Math.max(deepest, depthOf(child, limit, depth + 1));
    if (deepest > limit) break;
  }
  return deepest;
}

/**
 * Runs before the ValidationPipe on DTO bodies (small, ≤ 16 KiB; the ingest envelope has its own
 * pipe). Refuses, with a 400 naming the field:
 * - values nested deeper than MAX_BODY_DEPTH: the ValidationPipe and class-transformer recurse
 *   without a bound, and `{"name": [[[[...5,000 levels...]]]]}` (10 KiB) overflowed the stack (500);
 * - `__proto__`, `constructor` and `prototype` keys at any depth: class-transformer drops them
 *   silently, so the whitelist would never refuse them; they must never reach an object merge.
 */
@Injectable()
export class SafeBodyPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type !== 'body' || metadata.metatype === undefined || metadata.metatype === Object)
      return value;
    if (depthOf(value, MAX_BODY_DEPTH) > MAX_BODY_DEPTH)
      throw new RequestValidationException([
        { field: '(body)', problem: `nested deeper than ${MAX_BODY_DEPTH} levels` },
      ]);
    const field = findPrototypeKey(value, MAX_BODY_DEPTH);
    if (field !== undefined)
      throw new RequestValidationException([{ field, problem: 'this key is not allowed' }]);
    return value;
  }
}
