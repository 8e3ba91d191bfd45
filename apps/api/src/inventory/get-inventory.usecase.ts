import { Inject, Injectable } from '@nestjs/common';

import {
  type AssessedInventory,
  type InventoryDocument,
  applyReferenceSpecs,
  assessInventory,
  buildInventoryDocument,
} from '@apiscope/inventory';
import { ReferenceSpecRepository, ResolvedEndpointRepository } from '@apiscope/storage';

import { API_OPTIONS, type ApiOptions } from '../api-options.type';

/**
 * The whole inventory (DESIGN.md shape), optionally for one service: templates resolved now from
 * the learnt state, then reference specs applied (spec templates and names, shadow/zombie/orphan),
 * then assessed (findings, and the risk they give each endpoint and service).
 */
@Injectable()
export class GetInventoryUseCase {
  constructor(
    @Inject(ResolvedEndpointRepository) private readonly endpoints: ResolvedEndpointRepository,
    @Inject(ReferenceSpecRepository) private readonly specs: ReferenceSpecRepository,
    @Inject(API_OPTIONS) private readonly options: ApiOptions,
  ) {}

  async execute(service?: string): Promise<InventoryDocument> {
    return (await this.assess(service)).document;
  }

  /** The document and its findings from one pass, so findings and risk always agree. */
  async assess(service?: string): Promise<AssessedInventory> {
    const [resolved, allSpecs] = await Promise.all([
      this.endpoints.list(service === undefined ? {} : { service }),
      this.specs.byService(),
    ]);
    const specs =
      service === undefined ? allSpecs : new Map([...allSpecs].filter(([name]) => name === service));
    const window = this.options.orphanWindowMs;
    return assessInventory(
      applyReferenceSpecs(
        buildInventoryDocument(resolved),
        specs,
        window === undefined ? {} : { orphanWindowMs: window },
      ),
      specs,
    );
  }
}
