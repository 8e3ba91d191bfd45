import { Inject, Injectable } from '@nestjs/common';

import { type InventoryDocument } from '@apiscope/inventory';

import { InventoryCacheService } from './inventory-cache.service';

/**
 * The whole inventory (DESIGN.md shape), optionally for one service: templates resolved from the
 * learnt state, then reference specs applied (spec templates and names, shadow/zombie/orphan).
 * Services resolve independently, so one service's part of the whole document is that service's
 * inventory. The document is shared (cached): callers must not mutate it.
 */
@Injectable()
export class GetInventoryUseCase {
  constructor(@Inject(InventoryCacheService) private readonly cache: InventoryCacheService) {}

  async execute(service?: string): Promise<InventoryDocument> {
    const doc = await this.cache.document();
    return service === undefined ? doc : { services: doc.services.filter((s) => s.name === service) };
  }
}
