import { Inject, Injectable } from '@nestjs/common';

import { SpecImportException, parseSpecText } from '@apiscope/inventory';
import { ReferenceSpecRepository, type SpecVersionSummary } from '@apiscope/storage';

import { RequestValidationException } from '../problem/validation.exception';

/** Validates and stores a reference spec as the next version of its service; all or nothing. */
@Injectable()
export class ImportSpecUseCase {
  constructor(@Inject(ReferenceSpecRepository) private readonly specs: ReferenceSpecRepository) {}

  async execute(service: string, document: string): Promise<SpecVersionSummary> {
    let parsed;
    try {
      parsed = await parseSpecText(document);
    } catch (error) {
      if (error instanceof SpecImportException)
        throw new RequestValidationException([{ field: 'document', problem: error.message }]);
      throw error;
    }
    return this.specs.add({ service, ...parsed }, document);
  }
}
