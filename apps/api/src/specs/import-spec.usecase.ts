import { Inject, Injectable } from '@nestjs/common';

import { SpecImportException, parseSpecText } from '@apiscope/inventory';
import { ReferenceSpecRepository, type SpecVersionSummary } from '@apiscope/storage';

import { AuditService } from '../audit/audit.service';
import { type RequestOrigin } from '../audit/request-origin.type';
import { type Principal } from '../auth/principal.type';
import { InventoryCacheService } from '../inventory/inventory-cache.service';
import { RequestValidationException } from '../problem/validation.exception';

/** Validates and stores a reference spec as the next version of its service; all or nothing. */
@Injectable()
export class ImportSpecUseCase {
  constructor(
    @Inject(ReferenceSpecRepository) private readonly specs: ReferenceSpecRepository,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(InventoryCacheService) private readonly inventory: InventoryCacheService,
  ) {}

  /** `by` is the caller of the API (audited); absent for specs given on the command line at start-up. */
  async execute(
    service: string,
    document: string,
    by?: { actor: Principal; origin: RequestOrigin },
  ): Promise<SpecVersionSummary> {
    let parsed;
    try {
      parsed = await parseSpecText(document);
    } catch (error) {
      if (error instanceof SpecImportException)
        throw new RequestValidationException([{ field: 'document', problem: error.message }]);
      throw error;
    }
    const version = await this.specs.add({ service, ...parsed }, document);
    this.inventory.invalidate();
    if (by) {
      await this.audit.record({
        action: 'spec.import',
        outcome: 'success',
        actor: by.actor,
        origin: by.origin,
        target: `spec ${service} v${version.version}`,
        detail: `${version.operations} operations; ${parsed.title}`,
      });
    }
    return version;
  }
}
