import { Inject, Injectable } from '@nestjs/common';

import { type InventoryDocument, buildInventoryDocument } from '@apiscope/inventory';
import { EndpointRepository } from '@apiscope/storage';

/** The whole inventory (DESIGN.md shape), optionally for one service. */
@Injectable()
export class GetInventoryUseCase {
  constructor(@Inject(EndpointRepository) private readonly endpoints: EndpointRepository) {}

  async execute(service?: string): Promise<InventoryDocument> {
    return buildInventoryDocument(await this.endpoints.all(service === undefined ? {} : { service }));
  }
}
