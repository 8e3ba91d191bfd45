import { Injectable, type PipeTransform } from '@nestjs/common';
import { validateSync } from 'class-validator';

import { RequestValidationException, flattenValidationErrors } from '../problem/validation.exception';
import { findPrototypeKey } from '../validation/prototype-key.util';
import { IngestRequestDto } from './ingest-request.dto';

/**
 * Validates the ingest envelope with the same class-validator rules and whitelisting as every other
 * route, but shallowly: the global pipe's class-transformer pass deep-copies every event (15% of
 * ingest CPU in a profile), and each event is checked against the ApiCall contract by the pipeline.
 */
@Injectable()
export class IngestEnvelopePipe implements PipeTransform<unknown, IngestRequestDto> {
  transform(value: unknown): IngestRequestDto {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new RequestValidationException([
        { field: '(body)', problem: 'body must be a JSON object {"calls": [...]}' },
      ]);
    }
    // the envelope only: each call is checked against the ApiCall contract (which refuses such keys)
    const forbidden = findPrototypeKey(value, 0);
    if (forbidden !== undefined)
      throw new RequestValidationException([{ field: forbidden, problem: 'this key is not allowed' }]);
    // defineProperty, not Object.assign: a JSON key "__proto__" stays a plain (refused) field
    // instead of replacing the DTO's prototype
    const dto = new IngestRequestDto();
    for (const [key, field] of Object.entries(value))
      Object.defineProperty(dto, key, { value: field, enumerable: true, writable: true, configurable: true });
    const errors = validateSync(dto, { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length > 0) throw new RequestValidationException(flattenValidationErrors(errors));
    return dto;
  }
}
