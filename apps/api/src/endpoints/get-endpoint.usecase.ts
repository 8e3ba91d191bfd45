import { Inject, Injectable, NotFoundException } from '@nestjs/common';

import { EndpointRepository } from '@apiscope/storage';

import { parseEndpointId } from './endpoint-id.util';
import { type ServiceEndpoint, toServiceEndpoint } from './list-endpoints.usecase';

/** One endpoint with everything the inventory holds about it (parameters, schemas, auth, flags). */
@Injectable()
export class GetEndpointUseCase {
  constructor(@Inject(EndpointRepository) private readonly endpoints: EndpointRepository) {}

  async execute(id: string): Promise<ServiceEndpoint> {
    const key = parseEndpointId(id);
    const found = key && (await this.endpoints.find(key));
    if (!found) throw new NotFoundException('no endpoint with this id');
    return toServiceEndpoint(found);
  }
}
