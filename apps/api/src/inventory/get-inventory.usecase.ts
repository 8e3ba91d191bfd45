import { Inject, Injectable } from '@nestjs/common';

import { type InventoryDocument, buildInventoryDocument } from '@apiscope/inventory';
import { ResolvedEndpointRepository } from '@apiscope/storage';

/** The whole inventory (DESIGN.md shape), optionally for one service, with templates resolved now. */
@Injectable()
export class GetInventoryUseCase {
  constructor(@Inject(ResolvedEndpointRepository) private readonly endpoints: ResolvedEndpointRepository) {}

  async execute(service?: string): Promise<InventoryDocument> {
    return buildInventoryDocument(await this.endpoints.list(service === undefined ? {} : { service }));
  }
}
