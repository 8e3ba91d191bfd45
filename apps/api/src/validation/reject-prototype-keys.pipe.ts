import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';

import { RequestValidationException } from '../problem/validation.exception';
import { findPrototypeKey } from './prototype-key.util';

/**
 * Refuses a DTO body that carries `__proto__`, `constructor` or `prototype` keys at any depth.
 * class-transformer drops such keys silently, so the whitelist never sees them; they are refused
 * here (400) like every other unknown field, and can never reach an object merge. Runs only for
 * DTO-typed bodies (small, ≤ 16 KiB): the ingest envelope has its own pipe.
 */
@Injectable()
export class RejectPrototypeKeysPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type !== 'body' || metadata.metatype === undefined || metadata.metatype === Object)
      return value;
    const field = findPrototypeKey(value);
    if (field !== undefined)
      throw new RequestValidationException([{ field, problem: 'this key is not allowed' }]);
    return value;
  }
}
