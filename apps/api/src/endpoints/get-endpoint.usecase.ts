import { Inject, Injectable, NotFoundException } from '@nestjs/common';

import { endpointIdOf, parseEndpointId } from './endpoint-id.util';
import { ListEndpointsUseCase, type ServiceEndpoint } from './list-endpoints.usecase';

/** One endpoint with everything the inventory holds about it (parameters, schemas, auth, flags). */
@Injectable()
export class GetEndpointUseCase {
  constructor(@Inject(ListEndpointsUseCase) private readonly endpoints: ListEndpointsUseCase) {}

  async execute(id: string): Promise<ServiceEndpoint> {
    const key = parseEndpointId(id);
    // re-encoded: ids are compared in the one form this API hands out
    const found = key && (await this.endpoints.index()).get(endpointIdOf(key));
    if (!found) throw new NotFoundException('no endpoint with this id');
    return found;
  }
}
