import { Inject, Injectable, NotFoundException } from '@nestjs/common';

import { parseEndpointId } from './endpoint-id.util';
import { ListEndpointsUseCase, type ServiceEndpoint } from './list-endpoints.usecase';

/** One endpoint with everything the inventory holds about it (parameters, schemas, auth, flags). */
@Injectable()
export class GetEndpointUseCase {
  constructor(@Inject(ListEndpointsUseCase) private readonly endpoints: ListEndpointsUseCase) {}

  async execute(id: string): Promise<ServiceEndpoint> {
    const key = parseEndpointId(id);
    const found =
      key &&
      (await this.endpoints.resolved(key.service)).find(
        (e) => e.method === key.method && e.path === key.pathTemplate,
      );
    if (!found) throw new NotFoundException('no endpoint with this id');
    return found;
  }
}
