import { Inject, Injectable } from '@nestjs/common';

import { type InventoryDocument, applyReferenceSpecs, buildInventoryDocument } from '@apiscope/inventory';
import { EndpointRepository, ReferenceSpecRepository } from '@apiscope/storage';

/** The whole inventory (DESIGN.md shape) with reference specs applied, optionally for one service. */
@Injectable()
export class GetInventoryUseCase {
  constructor(
    @Inject(EndpointRepository) private readonly endpoints: EndpointRepository,
    @Inject(ReferenceSpecRepository) private readonly specs: ReferenceSpecRepository,
  ) {}

  async execute(service?: string): Promise<InventoryDocument> {
    const [stats, allSpecs] = await Promise.all([
      this.endpoints.all(service === undefined ? {} : { service }),
      this.specs.byService(),
    ]);
    const specs =
      service === undefined ? allSpecs : new Map([...allSpecs].filter(([name]) => name === service));
    return applyReferenceSpecs(buildInventoryDocument(stats), specs);
  }
}
