import { Inject, Injectable } from '@nestjs/common';

import { type AssessedInventory, type InventoryDocument } from '@apiscope/inventory';

import { InventoryCacheService } from './inventory-cache.service';

/**
 * The whole inventory (DESIGN.md shape), optionally for one service: templates resolved from the
 * learnt state, then reference specs applied (spec templates and names, shadow/zombie/orphan), then
 * assessed (findings, and the risk they give each endpoint and service). Services resolve and are
 * assessed independently, so one service's part of the whole is that service's inventory. The
 * document is shared (cached): callers must not mutate it.
 */
@Injectable()
export class GetInventoryUseCase {
  constructor(@Inject(InventoryCacheService) private readonly cache: InventoryCacheService) {}

  async execute(service?: string): Promise<InventoryDocument> {
    return (await this.assess(service)).document;
  }

  /** The document and its findings from one pass, so findings and risk always agree. */
  async assess(service?: string): Promise<AssessedInventory> {
    const all = await this.cache.assessed();
    if (service === undefined) return all;
    return {
      document: { services: all.document.services.filter((s) => s.name === service) },
      findings: all.findings.filter((f) => f.endpoint.service === service),
    };
  }
}
