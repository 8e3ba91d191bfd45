import { Inject, Injectable, NotFoundException } from '@nestjs/common';

import { type DriftItem, type DriftKind, serviceDrift } from '@apiscope/inventory';
import { ReferenceSpecRepository } from '@apiscope/storage';

import { endpointIdOf } from '../endpoints/endpoint-id.util';
import { InventoryCacheService } from '../inventory/inventory-cache.service';

export interface ServiceDriftView {
  service: string;
  specVersion: number | null;
  items: Array<{ endpointId: string; method: string; path: string; drift: DriftItem[] }>;
  summary: Record<DriftKind, number>;
}

/**
 * Traffic against the service's latest reference spec. Drift is judged on the endpoints as traffic
 * showed them (before the spec renames their parameters), then reported under the spec's template,
 * whose id is the one the endpoint lists give. The traffic side comes from the inventory cache, so
 * repeated drift reads build nothing while the inventory holds.
 */
@Injectable()
export class GetServiceDriftUseCase {
  constructor(
    @Inject(InventoryCacheService) private readonly inventory: InventoryCacheService,
    @Inject(ReferenceSpecRepository) private readonly specs: ReferenceSpecRepository,
  ) {}

  async execute(service: string): Promise<ServiceDriftView> {
    // a service without a spec is answered from one light query, without reading specs or traffic
    const missing = new NotFoundException(`service ${service} has no reference spec`);
    if ((await this.specs.versions(service)).length === 0) throw missing;
    const spec = (await this.specs.byService()).get(service);
    if (!spec) throw missing;
    const observed = (await this.inventory.observed()).services.find((s) => s.name === service) ?? {
      name: service,
      endpoints: [],
    };
    const drift = serviceDrift(observed, spec.latest.operations);
    return {
      service,
      specVersion: spec.latest.version,
      items: drift.endpoints.map((e) => ({
        endpointId: endpointIdOf({ service, method: e.method, pathTemplate: e.path }),
        ...e,
      })),
      summary: drift.summary,
    };
  }
}
